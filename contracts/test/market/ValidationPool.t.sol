// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {Market} from "../utils/Market.sol";
import {ValidationPool} from "../../src/market/ValidationPool.sol";

contract ValidationPoolTest is Market {
    address internal poster = makeAddr("poster");
    address internal yes2 = makeAddr("yes2");

    function setUp() public {
        deployMarket();
        bytes32 minter = rep.MINTER_ROLE();
        vm.prank(address(timelock));
        rep.grantRole(minter, address(this));
        rep.mint(poster, 100e18, "test");
        rep.mint(voter, 100e18, "test");
        rep.mint(yes2, 100e18, "test");
        vm.roll(block.number + 1); // pools weigh REP held the block before they open
    }

    function _open(uint256 stake) internal returns (uint256 id) {
        vm.prank(poster);
        id = pool.open(ValidationPool.Kind.ModelReview, 7, stake, "model 7 leaks its training data");
    }

    function test_open_stakesPosterRep() public {
        vm.expectEmit(true, true, true, false);
        emit ValidationPool.PoolOpened(1, poster, ValidationPool.Kind.ModelReview, 7, 10e18, 0, "");
        uint256 id = _open(10e18);
        assertEq(rep.balanceOf(poster), 90e18);
        assertEq(pool.getPool(id).yesStake, 10e18);
    }

    function test_open_revertsBelowMinimum() public {
        vm.prank(poster);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.StakeTooLow.selector, 0.5e18, POOL_MIN_STAKE));
        pool.open(ValidationPool.Kind.Question, 0, 0.5e18, "q");
    }

    function test_open_disputeNeedsOpener() public {
        vm.prank(poster);
        vm.expectRevert(ValidationPool.DisputeNeedsOpener.selector);
        pool.open(ValidationPool.Kind.Dispute, 0, 1e18, "q");
    }

    function test_openDispute_openerOnly() public {
        vm.prank(poster);
        vm.expectRevert();
        pool.openDispute(poster, 1, 1e18, "q");
    }

    function test_resolve_revertsOnUnknownPool() public {
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.UnknownPool.selector, 5));
        pool.resolve(5);
    }

    function test_vote_revertsWithoutRep() public {
        uint256 id = _open(10e18);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.InsufficientReputation.selector, buyer, 1e18));
        pool.vote(id, false, 1e18);
    }

    function test_vote_oneSide() public {
        uint256 id = _open(10e18);
        vm.startPrank(voter);
        pool.vote(id, false, 1e18);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.SideConflict.selector, id, voter));
        pool.vote(id, true, 1e18);
        vm.stopPrank();
    }

    function test_vote_revertsAfterDeadline() public {
        uint256 id = _open(10e18);
        vm.warp(block.timestamp + POOL_WINDOW);
        vm.prank(voter);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.VotingClosed.selector, id));
        pool.vote(id, false, 1e18);
    }

    function test_resolve_winnersTakeLosersProRata() public {
        uint256 id = _open(10e18);
        vm.prank(yes2);
        pool.vote(id, true, 30e18);
        vm.prank(voter);
        pool.vote(id, false, 20e18);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.VotingOpen.selector, id, block.timestamp + POOL_WINDOW));
        pool.resolve(id);
        vm.warp(block.timestamp + POOL_WINDOW);
        assertTrue(pool.resolve(id));
        vm.prank(poster);
        assertEq(pool.withdraw(id), 15e18); // 10 + 20 * 10/40
        vm.prank(yes2);
        assertEq(pool.withdraw(id), 45e18); // 30 + 20 * 30/40
        vm.prank(voter);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.NothingToWithdraw.selector, id, voter));
        pool.withdraw(id);
        vm.prank(poster);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.NothingToWithdraw.selector, id, poster));
        pool.withdraw(id);
        assertEq(pool.totalStaked(), 0);
    }

    function test_resolve_tieGoesToNo() public {
        uint256 id = _open(10e18);
        vm.prank(voter);
        pool.vote(id, false, 10e18);
        vm.warp(block.timestamp + POOL_WINDOW);
        assertFalse(pool.resolve(id));
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.AlreadyResolved.selector, id));
        pool.resolve(id);
    }

    function test_withdraw_revertsBeforeResolve() public {
        uint256 id = _open(10e18);
        vm.prank(poster);
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.NotResolved.selector, id));
        pool.withdraw(id);
    }

    function test_setVotingWindow_governanceOnly() public {
        vm.expectRevert(abi.encodeWithSelector(ValidationPool.NotGovernance.selector, address(this)));
        pool.setVotingWindow(1 days);
        vm.prank(address(timelock));
        pool.setVotingWindow(1 days);
        assertEq(pool.votingWindow(), 1 days);
    }

    /// REP is conserved up to one wei of rounding per winning voter.
    function test_fuzz_payoutConserves(uint256 s1, uint256 s2, uint256 s3) public {
        s1 = bound(s1, 1e18, 100e18);
        s2 = bound(s2, 1, 100e18);
        s3 = bound(s3, 1, 100e18);
        uint256 supply = rep.totalSupply();
        uint256 id = _open(s1);
        vm.prank(yes2);
        pool.vote(id, true, s2);
        vm.prank(voter);
        pool.vote(id, false, s3);
        vm.warp(block.timestamp + POOL_WINDOW);
        if (pool.resolve(id)) {
            vm.prank(poster);
            pool.withdraw(id);
            vm.prank(yes2);
            pool.withdraw(id);
        } else {
            vm.prank(voter);
            pool.withdraw(id);
        }
        assertLe(rep.totalSupply(), supply);
        assertGe(rep.totalSupply() + 2, supply);
    }
}
