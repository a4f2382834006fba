// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A deployed contract that is not an ERC-20: it has no decimals(), symbol() or balanceOf(), so a
/// token configuration pointing at it must be refused.
contract NotAToken {
    uint256 public counter;

    function bump() external {
        counter += 1;
    }
}
