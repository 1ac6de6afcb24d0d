// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Protocol} from "./utils/Protocol.sol";
import {ComputroniumToken} from "../src/ComputroniumToken.sol";

contract ComputroniumTokenTest is Protocol {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public {
        deployProtocol();
    }

    function _lock(address who, uint256 amount) internal {
        vm.prank(address(hub));
        token.lock(who, amount);
    }

    // --- constructor -----------------------------------------------------------

    function test_constructor_mintsFixedSupply() public view {
        assertEq(token.totalSupply(), SUPPLY);
        assertEq(token.balanceOf(address(timelock)), TREASURY_AMOUNT);
        assertEq(token.balanceOf(ecosystem), ECOSYSTEM_AMOUNT);
        assertEq(token.balanceOf(liquidity), LIQUIDITY_AMOUNT);
        assertEq(token.balanceOf(address(vesting)), TEAM_AMOUNT);
        assertEq(token.symbol(), "CTRN");
        assertEq(token.deployer(), address(this));
    }

    function test_constructor_revertsOnZeroAddress() public {
        vm.expectRevert(ComputroniumToken.ZeroAddress.selector);
        new ComputroniumToken(ComputroniumToken.Distribution(address(0), 1, ecosystem, 1, liquidity, 1, team, 1));
    }

    function test_teamVesting_releasesOverTime() public {
        vm.warp(block.timestamp + 365 days + 3 * 365 days / 2);
        vesting.release(address(token));
        assertApproxEqAbs(token.balanceOf(team), TEAM_AMOUNT / 2, 1e18);
    }

    // --- setStakingHub -----------------------------------------------------------

    function test_setStakingHub_onlyOnce() public {
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.StakingHubAlreadySet.selector, address(hub)));
        token.setStakingHub(alice);
    }

    function test_setStakingHub_revertsForNonDeployer() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.NotDeployer.selector, alice));
        token.setStakingHub(alice);
    }

    function test_setStakingHub_revertsOnZero() public {
        ComputroniumToken t =
            new ComputroniumToken(ComputroniumToken.Distribution(alice, 1, alice, 1, alice, 1, alice, 1));
        vm.expectRevert(ComputroniumToken.ZeroAddress.selector);
        t.setStakingHub(address(0));
        vm.expectEmit(address(t));
        emit ComputroniumToken.StakingHubSet(bob);
        t.setStakingHub(bob);
    }

    // --- lock / unlock / burnLocked ---------------------------------------------

    function test_lock_blocksTransferOfLockedPart() public {
        fund(alice, 100e18);
        vm.expectEmit(address(token));
        emit ComputroniumToken.Locked(alice, 60e18, 60e18);
        _lock(alice, 60e18);
        assertEq(token.lockedOf(alice), 60e18);
        assertEq(token.unlockedBalanceOf(alice), 40e18);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.TransferExceedsUnlocked.selector, alice, 40e18, 41e18));
        token.transfer(bob, 41e18);

        vm.prank(alice);
        token.transfer(bob, 40e18);
        assertEq(token.balanceOf(alice), 60e18);
    }

    function test_lock_revertsBeyondUnlocked() public {
        fund(alice, 10e18);
        vm.prank(address(hub));
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.TransferExceedsUnlocked.selector, alice, 10e18, 11e18));
        token.lock(alice, 11e18);
    }

    function test_lock_revertsForNonHub() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.NotStakingHub.selector, alice));
        token.lock(alice, 1);
    }

    function test_unlock_releases() public {
        fund(alice, 10e18);
        _lock(alice, 10e18);
        vm.prank(address(hub));
        vm.expectEmit(address(token));
        emit ComputroniumToken.Unlocked(alice, 4e18, 6e18);
        token.unlock(alice, 4e18);
        assertEq(token.unlockedBalanceOf(alice), 4e18);
    }

    function test_unlock_revertsBeyondLocked() public {
        vm.prank(address(hub));
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.InsufficientLocked.selector, alice, 0, 1));
        token.unlock(alice, 1);
    }

    function test_unlock_revertsForNonHub() public {
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.NotStakingHub.selector, address(this)));
        token.unlock(alice, 1);
    }

    function test_burnLocked_burnsAndReducesSupply() public {
        fund(alice, 10e18);
        _lock(alice, 10e18);
        vm.prank(address(hub));
        token.burnLocked(alice, 3e18);
        assertEq(token.balanceOf(alice), 7e18);
        assertEq(token.lockedOf(alice), 7e18);
        assertEq(token.totalSupply(), SUPPLY - 3e18);
    }

    function test_burnLocked_revertsBeyondLocked() public {
        fund(alice, 10e18);
        vm.prank(address(hub));
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.InsufficientLocked.selector, alice, 0, 1));
        token.burnLocked(alice, 1);
    }

    function test_burnLocked_revertsForNonHub() public {
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.NotStakingHub.selector, address(this)));
        token.burnLocked(alice, 1);
    }

    // --- votes, burn, permit --------------------------------------------------------

    function test_lockedTokensKeepVotingPower() public {
        fundAndDelegate(alice, 100e18);
        _lock(alice, 100e18);
        assertEq(token.getVotes(alice), 100e18);
    }

    function test_delegate_movesVotes() public {
        fund(alice, 5e18);
        vm.prank(alice);
        token.delegate(bob);
        assertEq(token.getVotes(bob), 5e18);
        assertEq(token.delegates(alice), bob);
    }

    /// Locked tokens vote for their holder (issue 19): a delegation carries only the unlocked part,
    /// so the hub's unburned slash of a stake can be netted from the staker's own votes.
    function test_delegate_movesOnlyUnlockedVotes() public {
        fund(alice, 10e18);
        _lock(alice, 4e18);
        vm.prank(alice);
        token.delegate(bob);
        assertEq(token.getVotes(bob), 6e18);
        assertEq(token.getVotes(alice), 4e18);
    }

    function test_lock_movesVotesFromDelegateToHolder() public {
        fund(alice, 10e18);
        vm.prank(alice);
        token.delegate(bob);
        _lock(alice, 3e18);
        assertEq(token.getVotes(bob), 7e18);
        assertEq(token.getVotes(alice), 3e18);
        vm.prank(address(hub));
        token.unlock(alice, 2e18);
        assertEq(token.getVotes(bob), 9e18);
        assertEq(token.getVotes(alice), 1e18);
    }

    function test_lock_givesUndelegatedHolderItsLockedVotes() public {
        fund(alice, 10e18);
        _lock(alice, 3e18);
        assertEq(token.getVotes(alice), 3e18);
        vm.prank(address(hub));
        token.burnLocked(alice, 1e18);
        assertEq(token.getVotes(alice), 2e18);
        assertEq(token.totalSupply(), SUPPLY - 1e18);
    }

    function test_burnLocked_takesVotesFromHolderNotDelegate() public {
        fund(alice, 10e18);
        vm.prank(alice);
        token.delegate(bob);
        _lock(alice, 4e18);
        vm.prank(address(hub));
        token.burnLocked(alice, 1e18);
        assertEq(token.getVotes(alice), 3e18);
        assertEq(token.getVotes(bob), 6e18);
        assertEq(token.totalSupply(), SUPPLY - 1e18);
    }

    function test_burn_cannotBurnLocked() public {
        fund(alice, 10e18);
        _lock(alice, 8e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ComputroniumToken.TransferExceedsUnlocked.selector, alice, 2e18, 3e18));
        token.burn(3e18);
        vm.prank(alice);
        token.burn(2e18);
        assertEq(token.totalSupply(), SUPPLY - 2e18);
    }

    function test_transfer_overBalanceStillERC20Error() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 0, 1));
        token.transfer(bob, 1);
    }

    function test_permit_setsAllowance() public {
        uint256 pk = 0xA11CE;
        address owner = vm.addr(pk);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                bob,
                7e18,
                token.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        token.permit(owner, bob, 7e18, deadline, v, r, s);
        assertEq(token.allowance(owner, bob), 7e18);
        assertEq(token.nonces(owner), 1);
    }

    // --- fuzz ---------------------------------------------------------------------

    function test_fuzz_transferRespectsLock(uint256 balance, uint256 locked, uint256 amount) public {
        balance = bound(balance, 1, ECOSYSTEM_AMOUNT);
        locked = bound(locked, 0, balance);
        amount = bound(amount, 0, balance);
        fund(alice, balance);
        _lock(alice, locked);
        vm.prank(alice);
        if (amount > balance - locked) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ComputroniumToken.TransferExceedsUnlocked.selector, alice, balance - locked, amount
                )
            );
        }
        token.transfer(bob, amount);
        assertGe(token.balanceOf(alice), token.lockedOf(alice));
    }

    function test_fuzz_votesCountLockedBalance(uint256 amount, uint256 locked) public {
        amount = bound(amount, 0, ECOSYSTEM_AMOUNT);
        locked = bound(locked, 0, amount);
        fundAndDelegate(alice, amount);
        _lock(alice, locked);
        assertEq(token.getVotes(alice), amount);
    }
}

/// @dev Moves CTRN between a few holders with random locks; the invariants below hold throughout.
contract TokenHandler is Protocol {
    ComputroniumToken internal t;
    address internal hubAddr;
    address[] public holders;

    constructor(ComputroniumToken t_, address hub_, address[] memory holders_) {
        t = t_;
        hubAddr = hub_;
        holders = holders_;
    }

    function holderCount() external view returns (uint256) {
        return holders.length;
    }

    function transfer(uint256 from, uint256 to, uint256 amount) external {
        address f = holders[from % holders.length];
        amount = bound(amount, 0, t.unlockedBalanceOf(f));
        vm.prank(f);
        t.transfer(holders[to % holders.length], amount);
    }

    function lock(uint256 who, uint256 amount) external {
        address h = holders[who % holders.length];
        amount = bound(amount, 0, t.unlockedBalanceOf(h));
        vm.prank(hubAddr);
        t.lock(h, amount);
    }

    function unlock(uint256 who, uint256 amount) external {
        address h = holders[who % holders.length];
        amount = bound(amount, 0, t.lockedOf(h));
        vm.prank(hubAddr);
        t.unlock(h, amount);
    }

    function burnLocked(uint256 who, uint256 amount) external {
        address h = holders[who % holders.length];
        amount = bound(amount, 0, t.lockedOf(h));
        vm.prank(hubAddr);
        t.burnLocked(h, amount);
    }

    function burn(uint256 who, uint256 amount) external {
        address h = holders[who % holders.length];
        amount = bound(amount, 0, t.unlockedBalanceOf(h));
        vm.prank(h);
        t.burn(amount);
    }
}

contract ComputroniumTokenInvariantTest is Protocol {
    TokenHandler internal handler;
    address[] internal holders;

    function setUp() public {
        deployProtocol();
        holders.push(ecosystem);
        holders.push(liquidity);
        holders.push(makeAddr("h1"));
        holders.push(makeAddr("h2"));
        holders.push(address(timelock));
        holders.push(address(vesting));
        handler = new TokenHandler(token, address(hub), holders);
        targetContract(address(handler));
    }

    /// Every token is held by someone we know (the only holders are the handler's).
    function invariant_totalSupplyEqualsSumOfBalances() public view {
        uint256 sum;
        for (uint256 i; i < holders.length; ++i) {
            sum += token.balanceOf(holders[i]);
        }
        assertEq(sum, token.totalSupply());
    }

    function invariant_lockedNeverExceedsBalance() public view {
        for (uint256 i; i < holders.length; ++i) {
            assertLe(token.lockedOf(holders[i]), token.balanceOf(holders[i]));
        }
    }
}
