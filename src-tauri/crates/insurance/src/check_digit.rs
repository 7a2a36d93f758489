//! The 保険者番号's 検証番号 (its last digit), as MHLW's 保険者番号設定要領 defines it: the other
//! digits are multiplied by 2 and 1 alternately, starting with 2 on the last of them; the products
//! are added digit by digit (a product of 12 counts as 1 + 2); the 検証番号 is 10 minus the last
//! digit of the sum (0 when that digit is 0). It catches one mistyped digit and most swaps.

/// The 検証番号 for `digits` (the number without its last digit); `None` unless all are ASCII
/// digits and there is at least one.
pub fn check_digit(digits: &str) -> Option<u8> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let product = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            product / 10 + product % 10
        })
        .sum();
    Some(((10 - sum % 10) % 10) as u8)
}

/// Whether `number` (all digits) ends with the 検証番号 of the digits before it.
pub fn is_valid(number: &str) -> bool {
    let Some((body, last)) = number.len().checked_sub(1).map(|at| number.split_at(at)) else { return false };
    last.bytes().next().is_some_and(|b| b.is_ascii_digit()) && check_digit(body) == Some(last.as_bytes()[0] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_example_of_the_requirements() {
        // 3312001 → ×2,1,2,1,2,1,2 → 6,3,2,2,0,0,2 → 15 → 10 − 5 = 5.
        assert_eq!(check_digit("3312001"), Some(5));
        assert!(is_valid("33120015"));
    }

    #[test]
    fn good_numbers_pass_and_one_wrong_digit_or_a_swap_fails() {
        // 8 digits (法別番号 first), and a 6-digit 国民健康保険 number (the same rule).
        for good in ["01130012", "06139992", "33120015", "138016"] {
            assert!(is_valid(good), "{good}");
        }
        assert!(!is_valid("33120016"), "last digit wrong");
        assert!(!is_valid("33120025"), "one digit wrong");
        assert!(!is_valid("31320015"), "two digits swapped");
        assert!(!is_valid(""));
        assert!(!is_valid("3312001a"));
        assert_eq!(check_digit(""), None);
    }

    #[test]
    fn a_product_of_two_digits_counts_as_their_sum() {
        // 9 × 2 = 18 → 1 + 8 = 9; sum 9 → 10 − 9 = 1.
        assert_eq!(check_digit("9"), Some(1));
        // 5 × 2 = 10 → 1; sum 1 → 9.
        assert_eq!(check_digit("5"), Some(9));
        // A sum ending in 0 gives 0.
        assert_eq!(check_digit("0"), Some(0));
    }
}
