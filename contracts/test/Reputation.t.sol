// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Protocol} from "./utils/Protocol.sol";
import {Reputation} from "../src/Reputation.sol";

contract ReputationTest is Protocol {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public {
        deployProtocol();
    }

    function test_constructor_revertsOnZeroAdmin() public {
        vm.expectRevert(Reputation.ZeroAddress.selector);
        new Reputation(address(0));
    }

    function test_roles_adminIsTimelock() public view {
        assertTrue(rep.hasRole(rep.DEFAULT_ADMIN_ROLE(), address(timelock)));
        assertFalse(rep.hasRole(rep.DEFAULT_ADMIN_ROLE(), address(this)));
        assertTrue(rep.hasRole(rep.MINTER_ROLE(), address(governor)));
    }

    function test_mint_selfDelegatesAndCheckpoints() public {
        vm.expectEmit(address(rep));
        emit Reputation.ReputationMinted(alice, 5e18, "settlement", address(this));
        rep.mint(alice, 5e18, "settlement");
        assertEq(rep.balanceOf(alice), 5e18);
        assertEq(rep.getVotes(alice), 5e18);
        assertEq(rep.delegates(alice), alice);
        vm.roll(block.number + 1);
        rep.mint(alice, 1e18, "settlement");
        assertEq(rep.getPastVotes(alice, block.number - 1), 5e18);
        assertEq(rep.getVotes(alice), 6e18);
    }

    function test_mint_revertsForNonMinter() public {
        bytes32 role = rep.MINTER_ROLE();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        rep.mint(alice, 1, "");
    }

    function test_mint_revertsToZero() public {
        vm.expectRevert(Reputation.ZeroAddress.selector);
        rep.mint(address(0), 1, "");
    }

    function test_slash_burnsCappedAtBalance() public {
        rep.mint(alice, 5e18, "");
        vm.expectEmit(address(rep));
        emit Reputation.ReputationSlashed(alice, 5e18, "fraud", address(this));
        assertEq(rep.slash(alice, 9e18, "fraud"), 5e18);
        assertEq(rep.balanceOf(alice), 0);
        assertEq(rep.getVotes(alice), 0);
    }

    function test_slash_revertsForNonSlasher() public {
        bytes32 role = rep.SLASHER_ROLE();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        rep.slash(alice, 1, "");
    }

    function test_transfer_reverts() public {
        rep.mint(alice, 5e18, "");
        vm.prank(alice);
        vm.expectRevert(Reputation.NonTransferable.selector);
        rep.transfer(bob, 1);
    }

    function test_transferFrom_reverts() public {
        vm.expectRevert(Reputation.NonTransferable.selector);
        rep.transferFrom(alice, bob, 1);
    }

    function test_approve_reverts() public {
        vm.expectRevert(Reputation.NonTransferable.selector);
        rep.approve(bob, 1);
    }

    function test_delegate_toOtherReverts() public {
        rep.mint(alice, 5e18, "");
        vm.prank(alice);
        vm.expectRevert(Reputation.DelegationDisabled.selector);
        rep.delegate(bob);
        vm.prank(alice);
        rep.delegate(alice); // self is fine (a no-op)
        assertEq(rep.getVotes(alice), 5e18);
    }

    function test_fuzz_votesAlwaysEqualBalance(uint96 minted, uint96 slashed) public {
        rep.mint(alice, minted, "");
        rep.slash(alice, slashed, "");
        assertEq(rep.getVotes(alice), rep.balanceOf(alice));
        assertEq(rep.totalSupply(), rep.balanceOf(alice));
    }
}
