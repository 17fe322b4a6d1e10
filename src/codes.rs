//! Enums that travel in links: each variant has one short code, written and read in one place.

/// Declares an enum whose variants each have a URL code: `ALL` (in the order given),
/// `code()` and `from_code()`. The first variant is the default.
#[macro_export]
macro_rules! coded_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
        $vis enum $name {
            #[default]
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The value in links (`tab=charts`).
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                $name::ALL.into_iter().find(|v| v.code() == code)
            }
        }
    };
}
