//! The patient's 4-digit PIN: typed into the app, used for exactly one VERIFY, then wiped. It has
//! no `Display`, its `Debug` prints stars, and it cannot be cloned, so it cannot end up in a log
//! or be sent twice by accident.

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::CardError;

/// A 4-digit PIN as ASCII digits, wiped from memory when dropped.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Pin {
    digits: [u8; 4],
}

impl Pin {
    /// Accepts exactly 4 digits, full-width (`１２３４`) or half-width; anything else is
    /// [`CardError::PinFormat`]. The input is not kept.
    pub fn parse(typed: &str) -> Result<Pin, CardError> {
        let mut digits = [0u8; 4];
        let mut n = 0;
        for c in typed.trim().chars() {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                '０'..='９' => c as u32 - '０' as u32,
                _ => {
                    digits.zeroize();
                    return Err(CardError::PinFormat);
                }
            };
            let Some(slot) = digits.get_mut(n) else {
                digits.zeroize();
                return Err(CardError::PinFormat);
            };
            *slot = b'0' + d as u8;
            n += 1;
        }
        if n != 4 {
            digits.zeroize();
            return Err(CardError::PinFormat);
        }
        Ok(Pin { digits })
    }

    pub(crate) fn ascii(&self) -> &[u8] {
        &self.digits
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(****)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_four_digits_in_either_width() {
        assert_eq!(Pin::parse("1234").expect("ok").ascii(), b"1234");
        assert_eq!(Pin::parse("１２３４").expect("ok").ascii(), b"1234");
        assert_eq!(Pin::parse(" 0007 ").expect("ok").ascii(), b"0007");
    }

    #[test]
    fn refuses_anything_else() {
        for bad in ["", "123", "12345", "12a4", "１２３", "12 34", "٠١٢٣"] {
            assert_eq!(Pin::parse(bad).err(), Some(CardError::PinFormat), "{bad:?}");
        }
    }

    #[test]
    fn never_prints_its_digits() {
        let pin = Pin::parse("1234").expect("ok");
        assert_eq!(format!("{pin:?}"), "Pin(****)");
    }
}
