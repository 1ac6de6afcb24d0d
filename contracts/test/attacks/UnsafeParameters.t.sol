// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AttackBase} from "./AttackBase.sol";

/// @dev Findings 5 and 7 (medium, in part): parameters a simple majority could set to break the
/// protocol's timing guarantees.
contract UnsafeParametersAttack is AttackBase {
    function setUp() public {
        deployMarket();
    }

    /// An unbonding period of 0 lets stake leave the moment it is slashable or has voted (finding 5).
    function test_attack_unbondingPeriodCannotBeZero() public {
        vm.prank(address(timelock));
        vm.expectRevert();
        hub.setUnbondingPeriod(0);
    }

    /// Timeouts of 0 let a provider be released the moment it marks delivery, and refunds race
    /// delivery (finding 7).
    function test_attack_timeoutsCannotBeZero() public {
        vm.prank(address(timelock));
        vm.expectRevert();
        market.setTimeouts(0, 0);
    }
}
