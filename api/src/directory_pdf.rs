//! The printed directory typeset as a PDF (issue 13), by the binary itself: an A5 booklet
//! (one column, pages in reading order, their count padded to a multiple of 4 for folding),
//! the same booklet imposed on A4 landscape sheets (two pages a side, saddle-stitch order:
//! print double-sided, flip on the short edge, fold, staple), or an A4 poster (two
//! columns). Noto Sans (regular and bold, from the `ttf-noto-sans`
//! crate, compiled in) is embedded, subset, with a ToUnicode map so the text can be
//! searched and copied; each shop's QR code is a small black-and-white image, at least
//! 2 cm wide, and a link.
//!
//! Deterministic: the same [`Directory`] gives the same bytes (no creation date, and
//! krilla derives the document's ID from its content). Nothing is cached between renders:
//! the fonts are parsed from static bytes each time, so repeated renders keep memory flat.
//!
//! Layout is two passes: the pages are first planned as lists of drawing operations (so
//! the index knows each shop's page), then written.

use std::collections::HashMap;

use krilla::Document;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use qrcode::{Color as QrColor, EcLevel, QrCode};
use shared::directory::DirectoryFormat;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size as FontSize};

use crate::domain::directory::{Directory, Entry};
use crate::domain::search::slugify;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;

/// The page and its grid.
#[derive(Clone, Copy)]
struct Geometry {
    width: f32,
    height: f32,
    margin: f32,
    columns: usize,
    gutter: f32,
    /// The QR code's side (≥ 20 mm).
    qr: f32,
    /// Body text size.
    body: f32,
}

impl Geometry {
    fn of(format: DirectoryFormat) -> Geometry {
        match format {
            DirectoryFormat::A5 | DirectoryFormat::A5Imposed => Geometry {
                width: 148.0 * MM,
                height: 210.0 * MM,
                margin: 12.0 * MM,
                columns: 1,
                gutter: 0.0,
                qr: 22.0 * MM,
                body: 8.5,
            },
            DirectoryFormat::A4 => Geometry {
                width: 210.0 * MM,
                height: 297.0 * MM,
                margin: 12.0 * MM,
                columns: 2,
                gutter: 8.0 * MM,
                qr: 21.0 * MM,
                body: 8.0,
            },
        }
    }

    fn column_width(&self) -> f32 {
        let columns = self.columns as f32;
        (self.width - 2.0 * self.margin - self.gutter * (columns - 1.0)) / columns
    }

    fn column_x(&self, column: usize) -> f32 {
        self.margin + column as f32 * (self.column_width() + self.gutter)
    }

    /// Where the footer's baseline is; the flow stops above it.
    fn footer_y(&self) -> f32 {
        self.height - self.margin * 0.6
    }

    fn bottom(&self) -> f32 {
        self.footer_y() - 14.0
    }
}

/// A drawing operation on a page (y grows downwards; text at its baseline).
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        gray: u8,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: u8,
    },
    Qr {
        x: f32,
        y: f32,
        side: f32,
        url: String,
    },
}

/// Text measurement from the font's own advance widths (no kerning: a hair wider than
/// shaped text, so a measured line always fits).
struct Metrics {
    regular: skrifa::FontRef<'static>,
    bold: skrifa::FontRef<'static>,
}

impl Metrics {
    fn new() -> Metrics {
        Metrics {
            regular: skrifa::FontRef::new(ttf_noto_sans::REGULAR).expect("Noto Sans parses"),
            bold: skrifa::FontRef::new(ttf_noto_sans::BOLD).expect("Noto Sans Bold parses"),
        }
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(FontSize::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    .unwrap_or(size * 0.6)
            })
            .sum()
    }

    /// `text` broken into lines of at most `width` points, at spaces (a word longer than a
    /// line is cut).
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        // Plain spaces only: a no-break space holds a phone number together.
        for word in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone; cut it when even that is too wide.
            let mut rest = word.to_owned();
            while self.width(&rest, size, bold) > width && rest.chars().count() > 1 {
                let mut cut = String::new();
                for c in rest.chars() {
                    let mut next = cut.clone();
                    next.push(c);
                    if self.width(&next, size, bold) > width && !cut.is_empty() {
                        break;
                    }
                    cut = next;
                }
                rest = rest[cut.len()..].to_owned();
                lines.push(cut);
            }
            line = rest;
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// `text` cut with "…" to fit `width`.
    fn fit(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_owned();
        }
        let mut out: String = text.to_owned();
        while !out.is_empty() && self.width(&format!("{out}…"), size, bold) > width {
            out.pop();
        }
        format!("{}…", out.trim_end())
    }
}

/// The pages being planned and where the flow is.
struct Flow<'a> {
    geometry: &'a Geometry,
    metrics: &'a Metrics,
    pages: Vec<Vec<Op>>,
    column: usize,
    y: f32,
    /// Where columns start on the current page (below the A4 cover).
    top: f32,
    /// The heading being listed, repeated "(suite)" atop a new column.
    heading: Option<String>,
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is open")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.column = 0;
        self.top = self.geometry.margin;
        self.y = self.top;
    }

    /// Makes room for `height` points: the next column or page when this one is too full;
    /// says whether it moved on.
    fn room(&mut self, height: f32) -> bool {
        if self.y + height <= self.geometry.bottom() || self.y <= self.top {
            return false;
        }
        if self.column + 1 < self.geometry.columns {
            self.column += 1;
            self.y = self.top;
        } else {
            self.new_page();
        }
        true
    }

    fn x(&self) -> f32 {
        self.geometry.column_x(self.column)
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, gray: u8, text: String) {
        self.page().push(Op::Text {
            x,
            y,
            size,
            bold,
            gray,
            text,
        });
    }
}

/// Line height for a font size.
fn leading(size: f32) -> f32 {
    size * 1.3
}

/// An entry's lines: (text, size, bold, gray), each already wrapped to `width`.
fn entry_lines(
    metrics: &Metrics,
    entry: &Entry,
    body: f32,
    width: f32,
) -> Vec<(String, f32, bool, u8)> {
    let mut lines = Vec::new();
    let mut push = |text: &str, size: f32, bold: bool, gray: u8| {
        for line in metrics.wrap(text, size, bold, width) {
            lines.push((line, size, bold, gray));
        }
    };
    push(&entry.name, body + 2.5, true, 0);
    if !entry.sells.is_empty() {
        push(&entry.sells, body, false, 60);
    }
    if !entry.address.is_empty() {
        push(&entry.address, body, false, 0);
    }
    if !entry.phone.is_empty() {
        push(&format!("Tél. {}", entry.phone), body + 1.0, true, 0);
    }
    if !entry.hours.is_empty() {
        push(&format!("Horaires : {}", entry.hours), body - 0.5, false, 0);
    }
    push(&entry.delivery, body - 0.5, false, 0);
    lines
}

/// Plans one entry at the flow's place; returns the page it went on (0-based).
fn place_entry(flow: &mut Flow<'_>, entry: &Entry) -> usize {
    let g = flow.geometry;
    let text_width = g.column_width() - g.qr - 3.0 * MM;
    let lines = entry_lines(flow.metrics, entry, g.body, text_width);
    let text_height: f32 = lines.iter().map(|(_, size, _, _)| leading(*size)).sum();
    let height = text_height.max(g.qr) + 4.0 * MM;
    if flow.room(height)
        && let Some(heading) = flow.heading.clone()
    {
        let size = g.body + 1.0;
        let band = leading(size) + 3.0;
        let (x, y) = (flow.x(), flow.y);
        flow.page().push(Op::Rect {
            x,
            y,
            w: g.column_width(),
            h: band,
            gray: 235,
        });
        let text = flow.metrics.fit(
            &format!("{heading} (suite)"),
            size,
            true,
            g.column_width() - 8.0,
        );
        flow.text(x + 4.0, y + band - 4.0, size, true, 40, text);
        flow.y = y + band + 2.0 * MM;
    }
    let (x, top) = (flow.x(), flow.y);
    let mut y = top;
    for (line, size, bold, gray) in lines {
        y += leading(size);
        flow.text(x, y - size * 0.28, size, bold, gray, line);
    }
    let qr_x = x + g.column_width() - g.qr;
    flow.page().push(Op::Qr {
        x: qr_x,
        y: top + 1.0,
        side: g.qr,
        url: entry.url.clone(),
    });
    // A hairline under the entry.
    let rule_y = top + height - 2.0 * MM;
    flow.page().push(Op::Rect {
        x,
        y: rule_y,
        w: g.column_width(),
        h: 0.4,
        gray: 170,
    });
    flow.y = top + height;
    flow.pages.len() - 1
}

/// A category's heading band; kept with the next entry's first lines.
fn place_heading(flow: &mut Flow<'_>, heading: &str) {
    let g = flow.geometry;
    let size = g.body + 4.0;
    let band = leading(size) + 4.0;
    flow.room(band + g.qr + 6.0 * MM);
    let (x, y) = (flow.x(), flow.y);
    flow.page().push(Op::Rect {
        x,
        y,
        w: g.column_width(),
        h: band,
        gray: 225,
    });
    let text = flow
        .metrics
        .fit(heading, size, true, g.column_width() - 8.0);
    flow.text(x + 4.0, y + band - 5.5, size, true, 0, text);
    flow.y = y + band + 3.0 * MM;
    flow.heading = Some(heading.to_owned());
}

/// The cover on the first page; returns where the text ends.
fn place_cover(flow: &mut Flow<'_>, directory: &Directory, format: DirectoryFormat) -> f32 {
    let g = flow.geometry;
    let (metrics, width) = (flow.metrics, g.width - 2.0 * g.margin);
    let x = g.margin;
    let mut y = g.margin;
    let title_size = if format == DirectoryFormat::A4 {
        28.0
    } else {
        24.0
    };
    for line in metrics.wrap(&directory.title, title_size, true, width) {
        y += leading(title_size);
        flow.text(x, y, title_size, true, 0, line);
    }
    let sub = g.body + 5.0;
    for line in metrics.wrap(&directory.subtitle, sub, false, width) {
        y += leading(sub);
        flow.text(x, y, sub, false, 40, line);
    }
    y += 4.0 * MM;
    let text_size = g.body + 2.5;
    for paragraph in directory.cover_text.split('\n') {
        for line in metrics.wrap(paragraph, text_size, false, width) {
            y += leading(text_size);
            flow.text(x, y, text_size, false, 0, line);
        }
        y += 1.5 * MM;
    }
    y += 3.0 * MM;
    let heading = g.body + 4.5;
    y += leading(heading);
    flow.text(x, y, heading, true, 0, "Comment ça marche".to_owned());
    y += 1.5 * MM;
    let point = g.body + 1.5;
    let bullet_indent = 4.0 * MM;
    for item in &directory.how_it_works {
        for (i, line) in metrics
            .wrap(item, point, false, width - bullet_indent)
            .into_iter()
            .enumerate()
        {
            y += leading(point);
            if i == 0 {
                flow.text(x, y, point, true, 0, "•".to_owned());
            }
            flow.text(x + bullet_indent, y, point, false, 0, line);
        }
        y += 1.5 * MM;
    }
    y
}

/// The booklet cover's foot: a framed box with the phone for orders and the site.
fn place_phone_box(flow: &mut Flow<'_>, directory: &Directory) {
    let g = flow.geometry;
    let (x, w) = (g.margin, g.width - 2.0 * g.margin);
    let big = 20.0;
    let height = 30.0 * MM;
    let y = g.bottom() - height;
    for (dx, dy, dw, dh) in [
        (0.0, 0.0, w, 1.2),
        (0.0, height - 1.2, w, 1.2),
        (0.0, 0.0, 1.2, height),
        (w - 1.2, 0.0, 1.2, height),
    ] {
        flow.page().push(Op::Rect {
            x: x + dx,
            y: y + dy,
            w: dw,
            h: dh,
            gray: 0,
        });
    }
    let mut line_y = y + 6.0 * MM + g.body;
    let label = if directory.phone.is_empty() {
        "Commandez sur internet"
    } else {
        "Commandes par téléphone"
    };
    flow.text(
        x + 5.0 * MM,
        line_y,
        g.body + 2.0,
        true,
        0,
        label.to_owned(),
    );
    if !directory.phone.is_empty() {
        line_y += leading(big) + 1.0 * MM;
        flow.text(x + 5.0 * MM, line_y, big, true, 0, directory.phone.clone());
    }
    line_y += leading(g.body + 2.0) + 1.0 * MM;
    let site = flow.metrics.fit(
        &format!("Sur internet : {}", directory.site),
        g.body + 2.0,
        false,
        w - 10.0 * MM,
    );
    flow.text(x + 5.0 * MM, line_y, g.body + 2.0, false, 0, site);
}

/// The alphabetical index on new pages, in two columns: "Name …… 7".
fn place_index(
    metrics: &Metrics,
    geometry: &Geometry,
    entries: &[(&Entry, usize)],
) -> Vec<Vec<Op>> {
    let index_geometry = Geometry {
        columns: 2,
        gutter: 8.0 * MM,
        ..*geometry
    };
    let mut flow = Flow {
        geometry: &index_geometry,
        metrics,
        pages: Vec::new(),
        column: 0,
        y: 0.0,
        top: 0.0,
        heading: None,
    };
    flow.new_page();
    let size = geometry.body + 6.0;
    flow.y += leading(size);
    let (x, y) = (flow.x(), flow.y);
    flow.text(x, y, size, true, 0, "Index alphabétique".to_owned());
    flow.y += 3.0 * MM;
    flow.top = flow.y;
    let mut sorted: Vec<&(&Entry, usize)> = entries.iter().collect();
    sorted.sort_by_key(|(entry, _)| (slugify(&entry.name), entry.slug.clone()));
    let body = geometry.body;
    let width = index_geometry.column_width();
    for (entry, page) in sorted {
        let number = (page + 1).to_string();
        let number_width = metrics.width(&number, body, true);
        flow.room(leading(body));
        flow.y += leading(body);
        let (x, y) = (flow.x(), flow.y);
        let name = metrics.fit(&entry.name, body, false, width - number_width - 6.0 * MM);
        flow.text(x, y, body, false, 0, name);
        flow.text(x + width - number_width, y, body, true, 0, number);
    }
    flow.pages
}

/// A page for the reader's notes: what pads the booklet to a multiple of 4.
fn notes_page(g: &Geometry) -> Vec<Op> {
    let size = g.body + 6.0;
    let mut ops = vec![Op::Text {
        x: g.margin,
        y: g.margin + leading(size),
        size,
        bold: true,
        gray: 0,
        text: "Notes".to_owned(),
    }];
    let mut y = g.margin + leading(size) + 12.0 * MM;
    while y < g.bottom() {
        ops.push(Op::Rect {
            x: g.margin,
            y,
            w: g.width - 2.0 * g.margin,
            h: 0.4,
            gray: 190,
        });
        y += 9.0 * MM;
    }
    ops
}

/// The directory's pages planned, with the footer on each.
fn plan(directory: &Directory, format: DirectoryFormat) -> (Geometry, Vec<Vec<Op>>) {
    let geometry = Geometry::of(format);
    let metrics = Metrics::new();
    let mut flow = Flow {
        geometry: &geometry,
        metrics: &metrics,
        pages: Vec::new(),
        column: 0,
        y: 0.0,
        top: 0.0,
        heading: None,
    };
    flow.new_page();
    let cover_end = place_cover(&mut flow, directory, format);
    match format {
        // The booklet's cover is its own page, the phone for orders in a box at its foot.
        DirectoryFormat::A5 | DirectoryFormat::A5Imposed => {
            place_phone_box(&mut flow, directory);
            flow.new_page();
        }
        // The poster's columns start under it.
        DirectoryFormat::A4 => {
            flow.top = cover_end + 6.0 * MM;
            flow.y = flow.top;
        }
    }
    let mut placed = Vec::new();
    for (heading, entries) in &directory.groups {
        place_heading(&mut flow, heading);
        for entry in entries {
            let page = place_entry(&mut flow, entry);
            placed.push((entry, page));
        }
    }
    let mut pages = flow.pages;
    let index = place_index(&metrics, &geometry, &placed);
    if format != DirectoryFormat::A4 {
        // Blank pages before the index, which closes the booklet: a multiple of 4 to fold.
        let total = pages.len() + index.len();
        for _ in 0..(4 - total % 4) % 4 {
            pages.push(notes_page(&geometry));
        }
    }
    pages.extend(index);
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let footer = format!(
            "{} · {} · page {} / {count}",
            directory.title,
            directory.data_date,
            i + 1
        );
        let width = metrics.width(&footer, 7.0, false);
        page.push(Op::Text {
            x: (geometry.width - width) / 2.0,
            y: geometry.footer_y(),
            size: 7.0,
            bold: false,
            gray: 60,
            text: footer,
        });
    }
    (geometry, pages)
}

/// `ops` moved `dx` points to the right.
fn shift(ops: Vec<Op>, dx: f32) -> Vec<Op> {
    ops.into_iter()
        .map(|op| match op {
            Op::Text {
                x,
                y,
                size,
                bold,
                gray,
                text,
            } => Op::Text {
                x: x + dx,
                y,
                size,
                bold,
                gray,
                text,
            },
            Op::Rect { x, y, w, h, gray } => Op::Rect {
                x: x + dx,
                y,
                w,
                h,
                gray,
            },
            Op::Qr { x, y, side, url } => Op::Qr {
                x: x + dx,
                y,
                side,
                url,
            },
        })
        .collect()
}

/// The booklet's pages (a multiple of 4) imposed two a side on A4 landscape sheets, in
/// saddle-stitch order: sheet `s` has pages `n-2s` and `2s+1` on its front, `2s+2` and
/// `n-2s-1` on its back (1-based). Returns the sheet's size and the sides.
fn impose(g: &Geometry, pages: Vec<Vec<Op>>) -> (f32, f32, Vec<Vec<Op>>) {
    let n = pages.len();
    let (width, height) = (297.0 * MM, 210.0 * MM);
    let x0 = (width - 2.0 * g.width) / 2.0;
    let mut slots: Vec<Option<Vec<Op>>> = pages.into_iter().map(Some).collect();
    let mut take = |i: usize| slots.get_mut(i).and_then(Option::take).unwrap_or_default();
    let mut sides = Vec::with_capacity(n / 2);
    for s in 0..n / 4 {
        for (left, right) in [(n - 1 - 2 * s, 2 * s), (2 * s + 1, n - 2 - 2 * s)] {
            let mut side = shift(take(left), x0);
            side.extend(shift(take(right), x0 + g.width));
            sides.push(side);
        }
    }
    (width, height, sides)
}

/// A QR code as an 8-bit gray image, one pixel per module, with the 4-module quiet zone.
#[derive(Clone, Hash)]
struct QrImage {
    side: u32,
    pixels: Vec<u8>,
}

impl QrImage {
    fn of(url: &str) -> Option<QrImage> {
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
        let modules = code.width();
        let side = modules + 8;
        let mut pixels = vec![255u8; side * side];
        for (i, color) in code.to_colors().into_iter().enumerate() {
            if color == QrColor::Dark {
                let (row, col) = (i / modules + 4, i % modules + 4);
                pixels[row * side + col] = 0;
            }
        }
        Some(QrImage {
            side: u32::try_from(side).ok()?,
            pixels,
        })
    }
}

impl CustomImage for QrImage {
    fn color_channel(&self) -> &[u8] {
        &self.pixels
    }

    fn alpha_channel(&self) -> Option<&[u8]> {
        None
    }

    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }

    fn size(&self) -> (u32, u32) {
        (self.side, self.side)
    }

    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }

    fn color_space(&self) -> ImageColorspace {
        ImageColorspace::Luma
    }
}

/// The directory as a PDF in `format`.
pub fn render(directory: &Directory, format: DirectoryFormat) -> anyhow::Result<Vec<u8>> {
    let (geometry, pages) = plan(directory, format);
    let (width, height, pages) = match format {
        DirectoryFormat::A5Imposed => impose(&geometry, pages),
        _ => (geometry.width, geometry.height, pages),
    };
    let regular = Font::new(ttf_noto_sans::REGULAR.into(), 0)
        .ok_or_else(|| anyhow::anyhow!("Noto Sans does not load"))?;
    let bold = Font::new(ttf_noto_sans::BOLD.into(), 0)
        .ok_or_else(|| anyhow::anyhow!("Noto Sans Bold does not load"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} – {}", directory.title, directory.subtitle))
            .language("fr".into())
            .creator("Vitrine".into()),
    );
    // The same address gives the same image: each is written once.
    let mut images: HashMap<&str, Image> = HashMap::new();
    let settings =
        PageSettings::from_wh(width, height).ok_or_else(|| anyhow::anyhow!("bad page size"))?;
    for ops in &pages {
        let mut page = document.start_page_with(settings.clone());
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for op in ops {
                match op {
                    Op::Text {
                        x,
                        y,
                        size,
                        bold: is_bold,
                        gray,
                        text,
                    } => {
                        surface.set_fill(Some(Fill {
                            paint: luma::Color::new(*gray).into(),
                            ..Fill::default()
                        }));
                        let font = if *is_bold { &bold } else { &regular };
                        surface.draw_text(
                            Point::from_xy(*x, *y),
                            font.clone(),
                            *size,
                            text,
                            false,
                            TextDirection::Auto,
                        );
                    }
                    Op::Rect { x, y, w, h, gray } => {
                        let mut builder = PathBuilder::new();
                        if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                            builder.push_rect(rect);
                        }
                        if let Some(path) = builder.finish() {
                            surface.set_fill(Some(Fill {
                                paint: luma::Color::new(*gray).into(),
                                ..Fill::default()
                            }));
                            surface.draw_path(&path);
                        }
                    }
                    Op::Qr { x, y, side, url } => {
                        let image = match images.get(url.as_str()) {
                            Some(image) => image.clone(),
                            None => {
                                let qr = QrImage::of(url)
                                    .ok_or_else(|| anyhow::anyhow!("QR code of {url}"))?;
                                let image = Image::from_custom(qr, false)
                                    .map_err(|e| anyhow::anyhow!("QR image: {e}"))?;
                                images.insert(url, image.clone());
                                image
                            }
                        };
                        surface.push_transform(&Transform::from_translate(*x, *y));
                        surface.draw_image(
                            image,
                            Size::from_wh(*side, *side)
                                .ok_or_else(|| anyhow::anyhow!("bad QR size"))?,
                        );
                        surface.pop();
                        if let Some(rect) = Rect::from_xywh(*x, *y, *side, *side) {
                            links.push((rect, url.clone()));
                        }
                    }
                }
            }
            surface.finish();
        }
        for (rect, url) in links {
            page.add_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, Target::Action(LinkAction::new(url).into())),
                None,
            ));
        }
        page.finish();
    }
    document
        .finish()
        .map_err(|e| anyhow::anyhow!("PDF writing failed: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_cut_to_fit() {
        let metrics = Metrics::new();
        let lines = metrics.wrap("Anticonstitutionnellement court", 10.0, false, 60.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(metrics.width(line, 10.0, false) <= 60.0, "{line}");
        }
        assert_eq!(
            lines.concat().replace(' ', ""),
            "Anticonstitutionnellementcourt"
        );
    }

    #[test]
    fn imposed_sheets_pair_the_pages_for_saddle_stitching() {
        let g = Geometry::of(DirectoryFormat::A5);
        let pages: Vec<Vec<Op>> = (1..=8)
            .map(|n| {
                vec![Op::Text {
                    x: 0.0,
                    y: 0.0,
                    size: 1.0,
                    bold: false,
                    gray: 0,
                    text: n.to_string(),
                }]
            })
            .collect();
        let (_, _, sides) = impose(&g, pages);
        let numbers: Vec<Vec<String>> = sides
            .iter()
            .map(|side| {
                side.iter()
                    .filter_map(|op| match op {
                        Op::Text { text, .. } => Some(text.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        assert_eq!(numbers, [["8", "1"], ["2", "7"], ["6", "3"], ["4", "5"]]);
    }

    #[test]
    fn qr_codes_are_at_least_2_cm_wide() {
        for format in DirectoryFormat::ALL {
            assert!(Geometry::of(format).qr >= 20.0 * MM);
        }
    }
}
