//! The since-last-time decision's weights. Do not edit by hand: made by
//! `cargo run --release --example since -- train` (320 items of the development series dev,dev2,dev3, C = 3).

/// Rows: recurs, improved, not mentioned; columns: stated, gap, strength, gap3, strength3, board, bias.
pub const DECISION: [[f32; 7]; 3] = [
    [2.0972, 3.9637, 0.1637, 3.9324, -1.1173, -0.9333, -0.8371],
    [-1.1261, -1.7616, 0.9137, -1.9360, 1.9377, -0.7164, 0.4952],
    [-0.9709, -2.2022, -1.0775, -1.9964, -0.8203, 1.6497, 0.3418],
];
