// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {console} from "../utils/Test.sol";
import {Market} from "../utils/Market.sol";
import {Marketplace} from "../../src/market/Marketplace.sol";

/// @dev Gas of the marketplace's main path, one call each, for docs/benchmarks.md (run with -vv).
/// Claim gas with 10 and 1,000 participants: RevenueDistributorTest.test_claimGas_*.
contract MarketGasTest is Market {
    function setUp() public {
        deployMarket();
    }

    function test_gas_listPurchaseConfirm() public {
        Marketplace.ListingParams memory p = params(Marketplace.Kind.Compute, 2e18);
        vm.prank(provider);
        uint256 g = gasleft();
        uint256 id = market.createListing(p);
        console.log("createListing", g - gasleft());

        for (uint256 round; round < 2; ++round) {
            vm.prank(buyer);
            g = gasleft();
            uint256 pid = market.purchase(id, 10, type(uint256).max);
            uint256 purchaseGas = g - gasleft();
            vm.prank(provider);
            g = gasleft();
            market.markDelivered(pid, keccak256("receipt"));
            uint256 deliverGas = g - gasleft();
            vm.prank(buyer);
            g = gasleft();
            market.confirm(pid);
            uint256 confirmGas = g - gasleft();
            console.log(round == 0 ? "first purchase / deliver" : "repeat purchase / deliver", purchaseGas, deliverGas);
            console.log(round == 0 ? "first confirm (settlement)" : "repeat confirm (settlement)", confirmGas);
        }
        vm.prank(provider);
        g = gasleft();
        market.withdraw();
        console.log("withdraw", g - gasleft());
    }
}
