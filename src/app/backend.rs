//! One drawing backend for the canvas on screen and the SVG download, so each chart's drawing
//! code is compiled once for the app rather than once per backend.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;

/// The canvas on screen, or an SVG document being written.
pub enum ChartBackend<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// What either backend can report.
#[derive(Debug)]
pub struct ChartBackendError(String);

impl std::fmt::Display for ChartBackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChartBackendError {}

fn wrap<E: std::error::Error + Send + Sync>(error: DrawingErrorKind<E>) -> DrawingErrorKind<ChartBackendError> {
    match error {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(ChartBackendError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! delegate {
    ($self:ident, $backend:ident => $call:expr) => {
        match $self {
            ChartBackend::Canvas($backend) => $call.map_err(wrap),
            ChartBackend::Svg($backend) => $call.map_err(wrap),
        }
    };
}

impl DrawingBackend for ChartBackend<'_> {
    type ErrorType = ChartBackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            ChartBackend::Canvas(b) => b.get_size(),
            ChartBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        // collected once, so each backend is compiled for one kind of path
        let path: Vec<BackendCoord> = path.into_iter().collect();
        delegate!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        let vertices: Vec<BackendCoord> = vertices.into_iter().collect();
        delegate!(self, b => b.fill_polygon(vertices, style))
    }

    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Result<(u32, u32), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<(), DrawingErrorKind<ChartBackendError>> {
        delegate!(self, b => b.blit_bitmap(pos, size, src))
    }
}
