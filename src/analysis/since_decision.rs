//! The since-last-time decision's weights. Do not edit by hand: made by
//! `cargo run --release --example since -- train` (329 items of the development series dev,dev2,dev3, C = 3).

/// Rows: recurs, improved, not mentioned; columns: stated, gap, strength, gap3, strength3, board, bias.
pub const DECISION: [[f32; 7]; 3] = [
    [2.3130, 3.8298, 0.1167, 3.9545, -1.2036, -0.9160, -0.8259],
    [-1.1641, -1.8737, 0.9405, -1.9493, 1.9810, -0.7313, 0.5156],
    [-1.1489, -1.9561, -1.0573, -2.0051, -0.7774, 1.6473, 0.3103],
];
