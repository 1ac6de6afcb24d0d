// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Protocol} from "./Protocol.sol";
import {Marketplace, IRewardSink, IReputationMinter} from "../../src/market/Marketplace.sol";
import {ModelRegistry} from "../../src/market/ModelRegistry.sol";
import {RevenueDistributor, ILockedBalance} from "../../src/market/RevenueDistributor.sol";
import {ValidationPool} from "../../src/market/ValidationPool.sol";

/// @dev The whole protocol plus protocol II (marketplace, registry, revenue, pools), wired like the
/// devnet deploy script: the timelock administers every role at the end.
abstract contract Market is Protocol {
    uint256 internal constant EPOCH = 7 days;
    uint256 internal constant POOL_WINDOW = 3 days;
    uint256 internal constant POOL_MIN_STAKE = 1e18;
    uint256 internal constant RELEASE_TIMEOUT = 3 days;
    uint256 internal constant DELIVERY_TIMEOUT = 7 days;

    RevenueDistributor internal distributor;
    ValidationPool internal pool;
    Marketplace internal market;
    ModelRegistry internal registry;

    address internal provider = makeAddr("provider");
    address internal buyer = makeAddr("buyer");
    address internal infra = makeAddr("infra");
    address internal agent = makeAddr("agent");
    address internal staker = makeAddr("staker");
    address internal voter = makeAddr("voter");

    function deployMarket() internal {
        deployProtocol();
        distributor = new RevenueDistributor(
            IERC20(address(token)), ILockedBalance(address(token)), address(timelock), address(this), EPOCH
        );
        pool = new ValidationPool(rep, address(timelock), address(this), POOL_WINDOW, POOL_MIN_STAKE);
        market = new Marketplace(
            IERC20(address(token)),
            distributor,
            IRewardSink(address(hub)),
            IReputationMinter(address(rep)),
            pool,
            address(timelock),
            RELEASE_TIMEOUT,
            DELIVERY_TIMEOUT
        );
        registry = new ModelRegistry(market, IERC20(address(rep)), address(timelock));

        distributor.grantRole(distributor.RECORDER_ROLE(), address(market));
        distributor.grantRole(distributor.DEFAULT_ADMIN_ROLE(), address(timelock));
        distributor.renounceRole(distributor.DEFAULT_ADMIN_ROLE(), address(this));
        pool.grantRole(pool.OPENER_ROLE(), address(market));
        pool.grantRole(pool.DEFAULT_ADMIN_ROLE(), address(timelock));
        pool.renounceRole(pool.DEFAULT_ADMIN_ROLE(), address(this));

        // REP roles are the timelock's now: grant them as governance would.
        vm.startPrank(address(timelock));
        rep.grantRole(rep.MINTER_ROLE(), address(market));
        rep.grantRole(rep.MINTER_ROLE(), address(pool));
        rep.grantRole(rep.SLASHER_ROLE(), address(pool));
        vm.stopPrank();

        // Parameters the weaker governors may change (the token governor's allowlist).
        allowWeak(address(distributor), RevenueDistributor.setBurnBps.selector);
        allowWeak(address(distributor), RevenueDistributor.setActivityBps.selector);
        allowWeak(address(distributor), RevenueDistributor.setShares.selector);
        allowWeak(address(market), Marketplace.setCommission.selector);
        allowWeak(address(pool), ValidationPool.setVotingWindow.selector);

        // An agent with a staker, so the stakers' share of a rune has somewhere to go.
        vm.prank(agent);
        hub.registerAgent("agent", "ipfs://agent", 1_000);
        fund(staker, 10_000e18);
        vm.prank(staker);
        hub.stake(agent, 5_000e18);
        fund(buyer, 1_000_000e18);
        vm.prank(buyer);
        token.approve(address(market), type(uint256).max);
    }

    function rune(uint16 dev, uint16 inf, uint16 stk) internal view returns (Marketplace.Rune memory) {
        return Marketplace.Rune({
            agent: agent, developer: provider, infra: infra, developerBps: dev, infraBps: inf, stakersBps: stk
        });
    }

    function params(Marketplace.Kind kind, uint256 price) internal view returns (Marketplace.ListingParams memory) {
        return Marketplace.ListingParams({
            kind: kind,
            price: price,
            unit: "hour",
            metadataURI: "ipfs://bafymeta",
            metadataHash: sha256("meta"),
            rune: rune(7_000, 2_000, 1_000)
        });
    }

    function list(Marketplace.Kind kind, uint256 price) internal returns (uint256 id) {
        Marketplace.ListingParams memory p = params(kind, price); // sha256 is a call: before the prank
        vm.prank(provider);
        id = market.createListing(p);
    }

    function buy(uint256 listingId, uint256 quantity) internal returns (uint256 id) {
        vm.prank(buyer);
        id = market.purchase(listingId, quantity, type(uint256).max);
    }
}
