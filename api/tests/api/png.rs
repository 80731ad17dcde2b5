//! PNG files made by hand for the picture limits (issue 10): a valid black picture of any
//! size that stays small on the wire, or a tiny file whose header claims a huge picture.

/// CRC-32 (IEEE) of PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Bits written least significant first, as deflate wants them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push((self.acc & 0xff) as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, count: u32) {
        let reversed = code.reverse_bits() >> (32 - count);
        self.put(reversed, count);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push((self.acc & 0xff) as u8);
        }
        self.out
    }
}

/// A zlib stream of `n` zero bytes in one fixed-Huffman block: a zero, then copies of 258
/// bytes at distance 1 (13 bits each), so 144 MB of pixels fit in under 1 MB.
fn zlib_zeros(n: u64) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // last block
    bits.put(1, 2); // fixed Huffman codes
    let literal_zero = |bits: &mut Bits| bits.code(0x30, 8);
    literal_zero(&mut bits);
    let mut left = n - 1;
    while left >= 258 {
        bits.code(0xc5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        literal_zero(&mut bits);
    }
    bits.code(0, 7); // end of block
    let mut out = vec![0x78, 0x01];
    out.extend(bits.finish());
    let adler = ((n % 65_521) << 16) | 1;
    out.extend(u32::try_from(adler).unwrap().to_be_bytes());
    out
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
    let mut crc_input = kind.to_vec();
    crc_input.extend(data);
    png.extend(&crc_input);
    png.extend(crc32(&crc_input).to_be_bytes());
}

/// A black grayscale PNG of `width` × `height`, made by hand. With `all_rows`, every row is
/// there (a valid picture, still small); without, only one byte of pixels follows a header
/// that claims the whole size.
pub fn black_png(width: u32, height: u32, all_rows: bool) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 0, 0, 0, 0]); // 8-bit grayscale
    chunk(&mut png, b"IHDR", &header);
    let bytes = if all_rows {
        u64::from(height) * (u64::from(width) + 1)
    } else {
        1
    };
    chunk(&mut png, b"IDAT", &zlib_zeros(bytes));
    chunk(&mut png, b"IEND", &[]);
    png
}

#[test]
fn the_hand_made_png_is_a_real_picture() {
    let picture = image::load_from_memory(&black_png(300, 200, true)).expect("a valid PNG");
    assert_eq!((picture.width(), picture.height()), (300, 200));
    assert!(black_png(12_000, 12_000, true).len() < 1_000_000);
}
