// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Market} from "../utils/Market.sol";
import {Marketplace, IRewardSink, IReputationMinter} from "../../src/market/Marketplace.sol";
import {RevenueDistributor, ILockedBalance} from "../../src/market/RevenueDistributor.sol";

/// @dev Calls its attacker in the middle of every transfer (like an ERC777 hook would).
contract HookToken is ERC20, ERC20Burnable {
    Attacker public attacker;
    bool private _inHook;

    constructor() ERC20("Hook", "HOOK") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(Attacker a) external {
        attacker = a;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (address(attacker) != address(0) && !_inHook && from != address(0)) {
            _inHook = true;
            attacker.attack();
            _inHook = false;
        }
    }
}

/// @dev Re-enters `target` with `data` when the token calls it; bubbles the revert.
contract Attacker {
    address public target;
    bytes public data;

    function aim(address target_, bytes calldata data_) external {
        target = target_;
        data = data_;
    }

    function call(address to, bytes calldata payload) external returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call(payload);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function attack() external {
        if (target == address(0)) return;
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}

contract ReentrancyTest is Market {
    HookToken internal hook;
    RevenueDistributor internal hookDistributor;
    Marketplace internal hookMarket;
    Attacker internal attacker;
    uint256 internal listingId;

    function setUp() public {
        deployMarket();
        hook = new HookToken();
        hookDistributor = new RevenueDistributor(
            IERC20(address(hook)), ILockedBalance(address(0)), address(timelock), address(this), EPOCH
        );
        hookMarket = new Marketplace(
            IERC20(address(hook)),
            hookDistributor,
            IRewardSink(address(hub)),
            IReputationMinter(address(rep)),
            pool,
            address(timelock),
            RELEASE_TIMEOUT,
            DELIVERY_TIMEOUT
        );
        hookDistributor.grantRole(hookDistributor.RECORDER_ROLE(), address(hookMarket));
        attacker = new Attacker();
        hook.mint(address(attacker), 1_000e18);
        attacker.call(address(hook), abi.encodeCall(IERC20.approve, (address(hookMarket), type(uint256).max)));

        Marketplace.ListingParams memory p = params(Marketplace.Kind.Compute, 10e18);
        p.rune = Marketplace.Rune({
            agent: address(0), developer: address(attacker), infra: address(0), developerBps: 10_000, infraBps: 0, stakersBps: 0
        });
        vm.prank(provider);
        listingId = hookMarket.createListing(p);
    }

    function _buy() internal returns (uint256 pid) {
        bytes memory ret =
            attacker.call(address(hookMarket), abi.encodeCall(Marketplace.purchase, (listingId, 1, type(uint256).max)));
        pid = abi.decode(ret, (uint256));
    }

    function test_confirm_reentryFails() public {
        uint256 pid = _buy();
        attacker.aim(address(hookMarket), abi.encodeCall(Marketplace.confirm, (pid)));
        hook.arm(attacker);
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        attacker.call(address(hookMarket), abi.encodeCall(Marketplace.confirm, (pid)));
        // Unarmed, the same confirm settles once.
        hook.arm(Attacker(address(0)));
        attacker.call(address(hookMarket), abi.encodeCall(Marketplace.confirm, (pid)));
        assertEq(hookMarket.settledCount(), 1);
    }

    function test_withdraw_reentryFails() public {
        uint256 pid = _buy();
        attacker.call(address(hookMarket), abi.encodeCall(Marketplace.confirm, (pid)));
        assertEq(hookMarket.credits(address(attacker)), 9.5e18);
        attacker.aim(address(hookMarket), abi.encodeCall(Marketplace.withdraw, ()));
        hook.arm(attacker);
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        attacker.call(address(hookMarket), abi.encodeCall(Marketplace.withdraw, ()));
        assertEq(hookMarket.credits(address(attacker)), 9.5e18);
    }

    function test_claim_reentryFails() public {
        uint256 pid = _buy();
        attacker.call(address(hookMarket), abi.encodeCall(Marketplace.confirm, (pid))); // attacker = buyer: community activity
        vm.warp(block.timestamp + EPOCH);
        hookDistributor.finalizeEpoch();
        attacker.aim(address(hookDistributor), abi.encodeCall(RevenueDistributor.claim, (0, 3)));
        hook.arm(attacker);
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        attacker.call(address(hookDistributor), abi.encodeCall(RevenueDistributor.claim, (0, 3)));
        hook.arm(Attacker(address(0)));
        attacker.call(address(hookDistributor), abi.encodeCall(RevenueDistributor.claim, (0, 3)));
        assertTrue(hookDistributor.hasClaimed(0, 3, address(attacker)));
    }
}
