//! Text that many records carry alike (a report id, a region, an indicator, a note repeated
//! over figures) held once and shared: the built-in dataset's decoder gives every record the
//! same copy of a text its string table holds once, where a `String` each would copy it into
//! every record (at 100× the built-in data, most of the decoded dataset's memory).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string that clones by sharing. Reads as a `str`; compares, orders, hashes and
/// serialises as one.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both are the one copy of their text (not merely equal).
    pub fn is_same_copy(&self, other: &SharedStr) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        SharedStr(Arc::from(text))
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        SharedStr(Arc::from(text))
    }
}

impl From<SharedStr> for String {
    fn from(text: SharedStr) -> Self {
        text.as_str().to_owned()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SharedStr::from)
    }
}

/// Gives equal texts one copy: a dataset read from JSON has a string of its own in every
/// field, and passing each through `share` leaves one per distinct text.
#[derive(Default)]
pub struct Interner(std::collections::HashSet<SharedStr>);

impl Interner {
    /// Replaces `text` by the copy of an equal text seen before, or keeps it as that copy.
    pub fn share(&mut self, text: &mut SharedStr) {
        match self.0.get(text.as_str()) {
            Some(seen) => *text = seen.clone(),
            None => {
                self.0.insert(text.clone());
            }
        }
    }

    pub fn share_optional(&mut self, text: &mut Option<SharedStr>) {
        if let Some(text) = text {
            self.share(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_end_up_as_one_copy() {
        let mut interner = Interner::default();
        let (mut first, mut second, mut other) = (SharedStr::from("fj2021"), SharedStr::from("fj2021"), SharedStr::from("fj2024"));
        assert!(!Arc::ptr_eq(&first.0, &second.0));
        interner.share(&mut first);
        interner.share(&mut second);
        interner.share(&mut other);
        assert!(Arc::ptr_eq(&first.0, &second.0), "equal texts share");
        assert!(!Arc::ptr_eq(&first.0, &other.0));
        assert_eq!((first.as_str(), other.as_str()), ("fj2021", "fj2024"));
    }

    #[test]
    fn reads_compares_and_serialises_as_a_string() {
        let text = SharedStr::from("泉州 quanzhou");
        let copy = text.clone();
        assert!(Arc::ptr_eq(&text.0, &copy.0), "a clone shares the text");
        assert_eq!(text, "泉州 quanzhou");
        assert_eq!("泉州 quanzhou".to_owned(), text);
        assert_eq!(text.len(), "泉州 quanzhou".len());
        assert_eq!(format!("{text} {text:?}"), "泉州 quanzhou \"泉州 quanzhou\"");
        let json = serde_json::to_string(&text).expect("serialises");
        assert_eq!(json, "\"泉州 quanzhou\"");
        assert_eq!(serde_json::from_str::<SharedStr>(&json).expect("deserialises"), text);
        assert!(SharedStr::from("a") < SharedStr::from("b"));
    }
}
