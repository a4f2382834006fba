// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

interface IERC20Balance {
    function balanceOf(address owner) external view returns (uint256);
}

/// The EIP-7702 sweeper of ChainTill's offline sweep tool. Each deposit address delegates its code to one deployed
/// instance (an authorization the merchant's machine signs with the deposit key); that instance's sweepAll, sent
/// by one gas account, then runs sweep() as each deposit's own code. Everything goes to the merchant fixed at
/// deployment (an immutable, so part of the code the deposits run): whoever calls, funds can only reach the
/// merchant. The deposits never need ether for gas.
contract Sweeper {
    address public immutable merchant;

    constructor(address merchant_) {
        merchant = merchant_;
    }

    /// A delegated deposit keeps accepting plain ether payments.
    receive() external payable {}

    /// Run as a deposit's code: every listed token's whole balance, then all ether, to the merchant.
    function sweep(address[] calldata tokens) external {
        for (uint256 i; i < tokens.length; ++i) {
            uint256 balance = IERC20Balance(tokens[i]).balanceOf(address(this));
            if (balance > 0) {
                // USDT's transfer returns nothing: accept an empty answer or true
                (bool ok, bytes memory answer) =
                    tokens[i].call(abi.encodeWithSelector(0xa9059cbb, merchant, balance));
                require(ok && (answer.length == 0 || abi.decode(answer, (bool))), "token transfer failed");
            }
        }
        uint256 ether_ = address(this).balance;
        if (ether_ > 0) {
            (bool sent, ) = merchant.call{value: ether_}("");
            require(sent, "ether transfer failed");
        }
    }

    /// One transaction for many deposits; each must delegate to this contract's code.
    function sweepAll(address[] calldata deposits, address[] calldata tokens) external {
        for (uint256 i; i < deposits.length; ++i) {
            Sweeper(payable(deposits[i])).sweep(tokens);
        }
    }
}
