//! Uploaded pictures: checked by decoding their content (never by name or declared type),
//! turned upright, flattened onto white, resized to a display size and a thumbnail, and
//! re-encoded as JPEG. What is stored is always our own re-encoding, never the upload.
//! The declared size is read from the header and checked before anything is decoded, and
//! the decoder itself may not allocate beyond [`MAX_DECODED_BYTES`], so a small file that
//! claims a huge picture (a decompression bomb) costs nothing.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

/// Largest accepted upload.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Longest side of the display size.
pub const DISPLAY_MAX_PX: u32 = 800;
/// Longest side of the thumbnail.
pub const THUMB_MAX_PX: u32 = 240;
/// Largest accepted width or height: plenty for a product picture.
pub const MAX_SIDE_PX: u32 = 6_000;
/// Most memory one decoded picture may take: 6,000 × 6,000 pixels of 8-bit RGBA.
pub const MAX_DECODED_BYTES: u64 = 6_000 * 6_000 * 4;
/// The content type of what is stored.
pub const STORED_CONTENT_TYPE: &str = "image/jpeg";
const JPEG_QUALITY: u8 = 82;

/// The content types an upload may declare.
pub const ACCEPTED_CONTENT_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// The two stored sizes, JPEG.
#[derive(Debug, Clone)]
pub struct Resized {
    pub display: Vec<u8>,
    pub thumb: Vec<u8>,
}

/// Why an upload is refused; the message says it in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("the file is not a JPEG, PNG or WebP picture")]
    NotAPicture,
    #[error("the picture cannot be read: {0}")]
    Unreadable(String),
    #[error(
        "the picture is {0} × {1} pixels: at most {MAX_SIDE_PX} pixels a side are accepted; send a smaller one"
    )]
    TooManyPixels(u32, u32),
    #[error(
        "the picture would take too much memory to open: at most {MAX_SIDE_PX} pixels a side and {max} MB once opened; send a smaller one",
        max = MAX_DECODED_BYTES / 1_000_000
    )]
    TooMuchMemory,
    #[error("the picture cannot be converted: {0}")]
    Encode(String),
}

/// Whether a declared content type (parameters ignored) is one an upload may have.
pub fn accepted_content_type(declared: &str) -> bool {
    let essence = declared
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    ACCEPTED_CONTENT_TYPES.contains(&essence.as_str())
}

/// Decodes an upload and makes its two sizes.
pub fn resize_upload(bytes: &[u8]) -> Result<Resized, PictureError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PictureError::Unreadable(e.to_string()))?;
    let format = match reader.format() {
        Some(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => format,
        _ => return Err(PictureError::NotAPicture),
    };
    // Only the header is read here: the declared size is checked before any pixel is.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(decode_error)?;
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(PictureError::TooManyPixels(width, height));
    }
    // And the decoder may not allocate beyond the cap, whatever the file says later.
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    if decoder.total_bytes() > MAX_DECODED_BYTES {
        return Err(PictureError::TooMuchMemory);
    }
    let orientation = decoder.orientation().map_err(decode_error)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    picture.apply_orientation(orientation);
    let display = scaled(&picture, DISPLAY_MAX_PX);
    drop(picture);
    Ok(Resized {
        thumb: jpeg(&scaled(&display, THUMB_MAX_PX))?,
        display: jpeg(&display)?,
    })
}

fn decode_error(err: image::ImageError) -> PictureError {
    match err {
        image::ImageError::Limits(_) => PictureError::TooMuchMemory,
        other => PictureError::Unreadable(other.to_string()),
    }
}

/// The picture scaled down (never up) to fit `max` pixels a side.
fn scaled(picture: &DynamicImage, max: u32) -> DynamicImage {
    if picture.width() > max || picture.height() > max {
        picture.resize(max, max, FilterType::Triangle)
    } else {
        picture.clone()
    }
}

/// The picture on white, as JPEG.
fn jpeg(picture: &DynamicImage) -> Result<Vec<u8>, PictureError> {
    let rgba = picture.to_rgba8();
    let flat = RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u16::from(c), u16::from(a));
            u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&flat)
        .map_err(|e| PictureError::Encode(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbaImage::from_fn(width, height, |x, _| {
            image::Rgba([u8::try_from(x % 256).unwrap_or(0), 120, 40, 200])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(picture)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_large_png_becomes_two_jpegs_that_fit() {
        let resized = resize_upload(&png(1600, 400)).unwrap();
        let display = image::load_from_memory(&resized.display).unwrap();
        let thumb = image::load_from_memory(&resized.thumb).unwrap();
        assert_eq!((display.width(), display.height()), (800, 200));
        assert_eq!((thumb.width(), thumb.height()), (240, 60));
        assert_eq!(
            image::guess_format(&resized.display).unwrap(),
            ImageFormat::Jpeg
        );
    }

    #[test]
    fn a_small_picture_is_not_enlarged() {
        let resized = resize_upload(&png(100, 50)).unwrap();
        let display = image::load_from_memory(&resized.display).unwrap();
        assert_eq!((display.width(), display.height()), (100, 50));
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        assert_eq!(
            resize_upload(b"hello, I am text").unwrap_err(),
            PictureError::NotAPicture
        );
        let mut truncated = png(50, 50);
        truncated.truncate(60);
        assert!(matches!(
            resize_upload(&truncated),
            Err(PictureError::Unreadable(_))
        ));
        assert!(accepted_content_type("image/PNG; charset=binary"));
        assert!(!accepted_content_type("text/plain"));
        assert!(!accepted_content_type("image/gif"));
    }
}
