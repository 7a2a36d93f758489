//! A defensive BER-TLV reader for what the card returns. Every length comes from the card and is
//! checked against what is actually there: a short, long or lying length is an error, never a
//! panic or an out-of-bounds read.

use crate::error::CardError;

/// One tag-length-value item borrowed from a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The tag, one or two bytes (`0xDF22`)
    pub tag: u16,
    /// The value
    pub value: &'a [u8],
}

fn bad(what: &str) -> CardError {
    CardError::BadData(format!("TLV: {what}"))
}

/// Reads one TLV at the start of `input`; returns it and the rest.
pub fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), CardError> {
    let (&first, rest) = input.split_first().ok_or_else(|| bad("タグがありません"))?;
    let (tag, rest) = if first & 0x1F == 0x1F {
        let (&second, rest) = rest.split_first().ok_or_else(|| bad("タグが途中で切れています"))?;
        if second & 0x80 != 0 {
            return Err(bad("3バイト以上のタグには対応していません"));
        }
        (u16::from_be_bytes([first, second]), rest)
    } else {
        (u16::from(first), rest)
    };
    let (len, rest) = read_length(rest)?;
    if len > rest.len() {
        return Err(bad("長さがデータより長いです"));
    }
    let (value, rest) = rest.split_at(len);
    Ok((Tlv { tag, value }, rest))
}

/// A BER length: short form, or `81 xx` / `82 xx xx`.
pub fn read_length(input: &[u8]) -> Result<(usize, &[u8]), CardError> {
    let (&first, rest) = input.split_first().ok_or_else(|| bad("長さがありません"))?;
    match first {
        0x00..=0x7F => Ok((usize::from(first), rest)),
        0x81 => match rest {
            [n, rest @ ..] => Ok((usize::from(*n), rest)),
            _ => Err(bad("長さが途中で切れています")),
        },
        0x82 => match rest {
            [hi, lo, rest @ ..] => Ok((usize::from(u16::from_be_bytes([*hi, *lo])), rest)),
            _ => Err(bad("長さが途中で切れています")),
        },
        _ => Err(bad("対応していない長さの形式です")),
    }
}

/// Reads consecutive TLVs until `input` ends.
pub fn read_all(mut input: &[u8]) -> Result<Vec<Tlv<'_>>, CardError> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let (tlv, rest) = read(input)?;
        out.push(tlv);
        input = rest;
    }
    Ok(out)
}

/// Encodes a TLV (for the virtual card, which must answer as a real card does).
pub fn encode(tag: u16, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 6);
    if tag > 0xFF {
        out.extend_from_slice(&tag.to_be_bytes());
    } else {
        out.push(tag as u8);
    }
    match value.len() {
        n @ 0..=0x7F => out.push(n as u8),
        n @ 0x80..=0xFF => out.extend_from_slice(&[0x81, n as u8]),
        n => {
            let n = u16::try_from(n).unwrap_or(u16::MAX);
            out.push(0x82);
            out.extend_from_slice(&n.to_be_bytes());
        }
    }
    out.extend_from_slice(value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_forms() {
        let (t, rest) = read(&[0xDF, 0x22, 0x02, b'a', b'b', 0xFF]).expect("ok");
        assert_eq!((t.tag, t.value, rest), (0xDF22, &b"ab"[..], &[0xFF][..]));
        let long = encode(0xDF23, &[7u8; 200]);
        assert_eq!(&long[..4], &[0xDF, 0x23, 0x81, 200]);
        assert_eq!(read(&long).expect("ok").0.value.len(), 200);
        let longer = encode(0xFF20, &[1u8; 300]);
        assert_eq!(&longer[..5], &[0xFF, 0x20, 0x82, 0x01, 0x2C]);
        assert_eq!(read_all(&longer).expect("ok").len(), 1);
    }

    #[test]
    fn lying_lengths_are_errors() {
        for bad in [
            &[][..],
            &[0xDF],
            &[0xDF, 0x22],
            &[0xDF, 0x22, 0x05, 1, 2],
            &[0x30, 0x81],
            &[0x30, 0x83, 1, 2, 3],
            &[0x1F, 0x81, 0x00],
        ] {
            assert!(read(bad).is_err(), "{bad:02X?}");
        }
    }
}
