// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {VestingWallet} from "@openzeppelin/contracts/finance/VestingWallet.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Test} from "./Test.sol";
import {ComputroniumToken} from "../../src/ComputroniumToken.sol";
import {StakingHub} from "../../src/StakingHub.sol";
import {Reputation} from "../../src/Reputation.sol";
import {GovernorConfig} from "../../src/governance/GovernorConfig.sol";
import {TokenGovernor} from "../../src/governance/TokenGovernor.sol";
import {QuadraticGovernor} from "../../src/governance/QuadraticGovernor.sol";
import {MemberGovernor} from "../../src/governance/MemberGovernor.sol";
import {GuardianMultisig} from "../../src/governance/GuardianMultisig.sol";
import {GovernorScope} from "../../src/governance/GovernorScope.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";

/// @dev Deploys the whole protocol the way a deploy script would, for the tests.
abstract contract Protocol is Test {
    uint256 internal constant SUPPLY = 1_000_000_000e18;
    uint256 internal constant TREASURY_AMOUNT = 400_000_000e18;
    uint256 internal constant ECOSYSTEM_AMOUNT = 250_000_000e18;
    uint256 internal constant LIQUIDITY_AMOUNT = 150_000_000e18;
    uint256 internal constant TEAM_AMOUNT = 200_000_000e18;

    uint256 internal constant TIMELOCK_DELAY = 1 days;
    uint48 internal constant VOTING_DELAY = 10; // blocks: the review phase
    uint32 internal constant VOTING_PERIOD = 100; // blocks
    uint48 internal constant LATE_QUORUM_EXTENSION = 20; // blocks
    uint256 internal constant CITATION_REWARD = 100e18;
    uint16 internal constant PROPOSER_SHARE_BPS = 5_000;
    uint256 internal constant MEMBER_THRESHOLD = 10e18; // REP
    uint48 internal constant REPUTATION_AGE = 50; // blocks REP must be held before a snapshot

    address internal ecosystem = makeAddr("ecosystem");
    address internal liquidity = makeAddr("liquidity");
    address internal team = makeAddr("team");
    address internal guardian1 = makeAddr("guardian1");
    address internal guardian2 = makeAddr("guardian2");
    address internal guardian3 = makeAddr("guardian3");

    TimelockController internal timelock;
    VestingWallet internal vesting;
    ComputroniumToken internal token;
    StakingHub internal hub;
    Reputation internal rep;
    TokenGovernor internal governor;
    QuadraticGovernor internal quadratic;
    MemberGovernor internal member;
    GuardianMultisig internal guardian;
    bytes32 internal constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    function deployProtocol() internal {
        vm.roll(1000);
        vm.warp(1_800_000_000);
        timelock = new TimelockController(TIMELOCK_DELAY, new address[](0), new address[](0), address(this));
        vesting = new VestingWallet(team, uint64(block.timestamp + 365 days), uint64(3 * 365 days));
        token = new ComputroniumToken(
            ComputroniumToken.Distribution({
                treasury: address(timelock),
                treasuryAmount: TREASURY_AMOUNT,
                ecosystemReserve: ecosystem,
                ecosystemAmount: ECOSYSTEM_AMOUNT,
                liquidityReserve: liquidity,
                liquidityAmount: LIQUIDITY_AMOUNT,
                teamVesting: address(vesting),
                teamAmount: TEAM_AMOUNT
            })
        );
        hub = new StakingHub(token, address(timelock));
        token.setStakingHub(address(hub));
        rep = new Reputation(address(this));

        // The governors are constitutional targets of each other: compute their addresses first.
        uint256 nonce = vm.getNonce(address(this));
        address[] memory constitutional = new address[](5);
        constitutional[0] = address(timelock);
        constitutional[1] = address(rep);
        constitutional[2] = vm.computeCreateAddress(address(this), nonce);
        constitutional[3] = vm.computeCreateAddress(address(this), nonce + 1);
        constitutional[4] = vm.computeCreateAddress(address(this), nonce + 2);

        governor = new TokenGovernor(
            IVotes(address(token)),
            timelock,
            rep,
            _config("Computronium token vote", 1_000e18, 4, constitutional),
            LATE_QUORUM_EXTENSION
        );
        quadratic = new QuadraticGovernor(
            IVotes(address(token)), timelock, rep, _config("Computronium quadratic vote", 1e10, 10, constitutional)
        );
        member = new MemberGovernor(
            rep, timelock, _config("Computronium member vote", 1, 2, constitutional), MEMBER_THRESHOLD
        );
        require(address(governor) == constitutional[2] && address(member) == constitutional[4], "addresses");

        // The weaker governors may retune their own vote timing; everything else they may call is
        // allowlisted by the token governor (protocol II adds its parameters).
        GovernorScope[2] memory weak = [GovernorScope(quadratic), GovernorScope(member)];
        for (uint256 i; i < 2; ++i) {
            weak[i].setAllowedCall(address(weak[i]), GovernorSettings.setVotingDelay.selector, true);
            weak[i].setAllowedCall(address(weak[i]), GovernorSettings.setVotingPeriod.selector, true);
            weak[i].setScopeAdmin(address(governor));
        }

        address[] memory guardians = new address[](3);
        guardians[0] = guardian1;
        guardians[1] = guardian2;
        guardians[2] = guardian3;
        guardian = new GuardianMultisig(guardians, 2, timelock);

        address[3] memory govs = [address(governor), address(quadratic), address(member)];
        for (uint256 i; i < 3; ++i) {
            timelock.grantRole(timelock.PROPOSER_ROLE(), govs[i]);
            timelock.grantRole(timelock.EXECUTOR_ROLE(), govs[i]);
            timelock.grantRole(timelock.CANCELLER_ROLE(), govs[i]);
            rep.grantRole(rep.MINTER_ROLE(), govs[i]);
        }
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(guardian));
        // Constitutional proposals execute through the guardians (GovernorSupermajority).
        timelock.grantRole(GUARDIAN_ROLE, address(guardian));
        // Tests mint REP directly; the timelock administers REP from now on.
        rep.grantRole(rep.MINTER_ROLE(), address(this));
        rep.grantRole(rep.SLASHER_ROLE(), address(this));
        rep.grantRole(rep.DEFAULT_ADMIN_ROLE(), address(timelock));
        rep.renounceRole(rep.DEFAULT_ADMIN_ROLE(), address(this));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));
    }

    function _config(string memory name, uint256 threshold, uint256 quorum_, address[] memory constitutional)
        internal
        pure
        returns (GovernorConfig memory)
    {
        return GovernorConfig({
            name: name,
            votingDelay: VOTING_DELAY,
            votingPeriod: VOTING_PERIOD,
            proposalThreshold: threshold,
            quorum: quorum_,
            citationReward: CITATION_REWARD,
            proposerShareBps: PROPOSER_SHARE_BPS,
            constitutionalTargets: constitutional,
            reputationAge: REPUTATION_AGE
        });
    }

    /// @dev Gives `to` CTRN from the ecosystem reserve.
    /// @dev Allowlists `selector` on `target` for both weaker governors, as the token governor would.
    function allowWeak(address target, bytes4 selector) internal {
        vm.startPrank(address(governor));
        quadratic.setAllowedCall(target, selector, true);
        member.setAllowedCall(target, selector, true);
        vm.stopPrank();
    }

    function fund(address to, uint256 amount) internal {
        vm.prank(ecosystem);
        token.transfer(to, amount);
    }

    function fundAndDelegate(address to, uint256 amount) internal {
        fund(to, amount);
        vm.prank(to);
        token.delegate(to);
    }
}
