//! The since-last-time decision's weights. Do not edit by hand: made by
//! `cargo run --release --example since -- train` (320 items of the development series dev,dev2,dev3, C = 3).

/// Rows: recurs, improved, not mentioned; columns: stated, gap, strength, gap3, strength3, board, bias.
pub const DECISION: [[f32; 7]; 3] = [
    [2.0799, 3.9848, 0.1717, 3.9687, -1.1372, -0.9349, -0.8414],
    [-1.1072, -1.7795, 0.9117, -1.9719, 1.9538, -0.7156, 0.4982],
    [-0.9726, -2.2054, -1.0835, -1.9967, -0.8166, 1.6506, 0.3432],
];
