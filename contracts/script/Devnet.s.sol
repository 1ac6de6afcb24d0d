// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {VestingWallet} from "@openzeppelin/contracts/finance/VestingWallet.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Vm, console} from "../test/utils/Test.sol";
import {ComputroniumToken} from "../src/ComputroniumToken.sol";
import {StakingHub} from "../src/StakingHub.sol";
import {Reputation} from "../src/Reputation.sol";
import {GovernorConfig} from "../src/governance/GovernorConfig.sol";
import {TokenGovernor} from "../src/governance/TokenGovernor.sol";
import {QuadraticGovernor} from "../src/governance/QuadraticGovernor.sol";
import {MemberGovernor} from "../src/governance/MemberGovernor.sol";
import {GuardianMultisig} from "../src/governance/GuardianMultisig.sol";
import {GovernorCitations} from "../src/governance/GovernorCitations.sol";
import {GovernorScope} from "../src/governance/GovernorScope.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {Marketplace, IRewardSink, IReputationMinter} from "../src/market/Marketplace.sol";
import {ModelRegistry} from "../src/market/ModelRegistry.sol";
import {RevenueDistributor, ILockedBalance} from "../src/market/RevenueDistributor.sol";
import {ValidationPool} from "../src/market/ValidationPool.sol";

/// @title Devnet deployment and demo seed
/// @notice Deploys the whole protocol to a fresh anvil (chain 31337, anvil's default mnemonic) and
/// seeds demo data, in five phases that `scripts/devnet` runs with `forge script --broadcast`,
/// advancing the chain between them (a script cannot warp a real node):
///   deploy  contracts, roles, funds, agents and stakes, 20 listings, 12 models, purchases,
///           revenue                                      then mine a block
///   propose a model-review pool, a dispute (pools weigh REP held before they open), five
///           proposals on the three governors, model ratings (raters' REP must have aged)
///                                                        then mine past the voting delay
///   vote    votes on them and on the dispute's pool      then mine past the voting period
///   queue   queues three succeeded proposals             then advance past the timelock delay
///   finish  executes two (they also lengthen member and token votes to two hours), curator
///           reviews, finalizes the revenue epoch, a claim, two new proposals (one citing an
///           executed one)                                then mine past their voting delay
/// End states: executed 2, queued 1, succeeded 1, defeated 1, active 2 (one citing).
/// Later phases read the addresses from DEVNET_* environment variables (printed by `deploy` as
/// "DEVNET_NAME 0x...").
contract DevnetScript {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    string internal constant MNEMONIC = "test test test test test test test test test test test junk";

    // Devnet governance timing: short review, two-minute timelock, 5-minute epochs. Votes start at
    // 60 blocks so the seed can take proposals to their end (mining thousands of blocks is slow);
    // the executed proposal sets two-hour votes (7,200 one-second blocks) for everything after it.
    uint48 internal constant VOTING_DELAY = 2; // blocks
    uint32 internal constant VOTING_PERIOD = 60; // blocks, while seeding
    uint32 internal constant DEVNET_VOTING_PERIOD = 7_200; // blocks, set by proposal 1
    uint256 internal constant TIMELOCK_DELAY = 120; // seconds
    uint256 internal constant EPOCH_LENGTH = 300; // seconds
    // REP counts in the member and quadratic governors once held this many blocks before a snapshot
    // (short on the devnet: seeding mines one block per transaction).
    uint48 internal constant REPUTATION_AGE = 10; // blocks

    // Accounts (anvil mnemonic indices): 0 deployer and reserves; 1-3 guardians (1 also the team);
    // 4-9 agents; 10-13 providers; 14-19 buyers, stakers and voters.
    uint32 internal constant DEPLOYER = 0;
    uint32 internal constant FIRST_AGENT = 4;
    uint32 internal constant FIRST_PROVIDER = 10;
    uint32 internal constant FIRST_BUYER = 14;

    TimelockController internal timelock;
    VestingWallet internal vesting;
    ComputroniumToken internal token;
    StakingHub internal hub;
    Reputation internal rep;
    TokenGovernor internal tokenGov;
    QuadraticGovernor internal quadGov;
    MemberGovernor internal memberGov;
    GuardianMultisig internal guardian;
    RevenueDistributor internal distributor;
    ValidationPool internal pool;
    Marketplace internal market;
    ModelRegistry internal registry;

    function key(uint32 i) internal pure returns (uint256) {
        return vm.deriveKey(MNEMONIC, i);
    }

    function addr(uint32 i) internal pure returns (address) {
        return vm.addr(key(i));
    }

    function as_(uint32 i) internal {
        vm.stopBroadcast();
        vm.startBroadcast(key(i));
    }

    // ------------------------------------------------------------------ phase 1

    function deploy() external {
        vm.startBroadcast(key(DEPLOYER));
        _deployCore();
        _deployMarket();
        _print();
        _seedAccounts();
        _seedAgents();
        _seedListings();
        _seedModels();
        _seedPurchases();
        _seedRevenue();
        // Seeding is over: the deployer gives up its last powers.
        as_(DEPLOYER);
        rep.renounceRole(rep.MINTER_ROLE(), addr(DEPLOYER));
        vm.stopBroadcast();
    }

    function _deployCore() internal {
        address deployer = addr(DEPLOYER);
        timelock = new TimelockController(TIMELOCK_DELAY, new address[](0), new address[](0), deployer);
        vesting = new VestingWallet(addr(1), uint64(block.timestamp + 365 days), uint64(3 * 365 days));
        token = new ComputroniumToken(
            ComputroniumToken.Distribution({
                treasury: address(timelock),
                treasuryAmount: 400_000_000e18,
                ecosystemReserve: deployer,
                ecosystemAmount: 250_000_000e18,
                liquidityReserve: deployer,
                liquidityAmount: 150_000_000e18,
                teamVesting: address(vesting),
                teamAmount: 200_000_000e18
            })
        );
        hub = new StakingHub(token, address(timelock));
        token.setStakingHub(address(hub));
        rep = new Reputation(deployer);

        uint256 nonce = vm.getNonce(deployer);
        address[] memory constitutional = new address[](5);
        constitutional[0] = address(timelock);
        constitutional[1] = address(rep);
        constitutional[2] = vm.computeCreateAddress(deployer, nonce);
        constitutional[3] = vm.computeCreateAddress(deployer, nonce + 1);
        constitutional[4] = vm.computeCreateAddress(deployer, nonce + 2);
        tokenGov = new TokenGovernor(
            IVotes(address(token)), timelock, rep, _config("Computronium token vote", 1_000e18, 4, constitutional), 20
        );
        quadGov = new QuadraticGovernor(
            IVotes(address(token)), timelock, rep, _config("Computronium quadratic vote", 1e10, 1, constitutional)
        );
        memberGov =
            new MemberGovernor(rep, timelock, _config("Computronium member vote", 1, 2, constitutional), 10e18);
        address[] memory guardians = new address[](3);
        guardians[0] = addr(1);
        guardians[1] = addr(2);
        guardians[2] = addr(3);
        guardian = new GuardianMultisig(guardians, 2, timelock);
    }

    function _deployMarket() internal {
        address deployer = addr(DEPLOYER);
        distributor = new RevenueDistributor(
            IERC20(address(token)), ILockedBalance(address(token)), address(timelock), deployer, EPOCH_LENGTH
        );
        pool = new ValidationPool(rep, address(timelock), deployer, 1 days, 1e18);
        market = new Marketplace(
            IERC20(address(token)),
            distributor,
            IRewardSink(address(hub)),
            IReputationMinter(address(rep)),
            pool,
            address(timelock),
            1 days,
            3 days
        );
        registry = new ModelRegistry(market, IERC20(address(rep)), address(timelock));

        address[3] memory govs = [address(tokenGov), address(quadGov), address(memberGov)];
        for (uint256 i; i < 3; ++i) {
            timelock.grantRole(timelock.PROPOSER_ROLE(), govs[i]);
            timelock.grantRole(timelock.EXECUTOR_ROLE(), govs[i]);
            timelock.grantRole(timelock.CANCELLER_ROLE(), govs[i]);
            rep.grantRole(rep.MINTER_ROLE(), govs[i]);
        }
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(guardian));
        // Constitutional proposals execute through the guardians' 2-of-3 (GovernorSupermajority).
        timelock.grantRole(keccak256("GUARDIAN_ROLE"), address(guardian));
        // The weaker governors may change these parameters and nothing else (no treasury, slashing
        // or roles); from now on only the token governor's proposals change the list.
        GovernorScope[2] memory weak = [GovernorScope(quadGov), GovernorScope(memberGov)];
        for (uint256 i; i < 2; ++i) {
            weak[i].setAllowedCall(address(weak[i]), GovernorSettings.setVotingDelay.selector, true);
            weak[i].setAllowedCall(address(weak[i]), GovernorSettings.setVotingPeriod.selector, true);
            weak[i].setAllowedCall(address(distributor), RevenueDistributor.setBurnBps.selector, true);
            weak[i].setAllowedCall(address(distributor), RevenueDistributor.setActivityBps.selector, true);
            weak[i].setAllowedCall(address(distributor), RevenueDistributor.setShares.selector, true);
            weak[i].setAllowedCall(address(market), Marketplace.setCommission.selector, true);
            weak[i].setAllowedCall(address(pool), ValidationPool.setVotingWindow.selector, true);
            weak[i].setScopeAdmin(address(tokenGov));
        }
        rep.grantRole(rep.MINTER_ROLE(), address(market));
        rep.grantRole(rep.MINTER_ROLE(), address(pool));
        rep.grantRole(rep.SLASHER_ROLE(), address(pool));
        rep.grantRole(rep.MINTER_ROLE(), deployer); // demo REP while seeding; renounced at the end
        distributor.grantRole(distributor.RECORDER_ROLE(), address(market));
        pool.grantRole(pool.OPENER_ROLE(), address(market));

        rep.grantRole(rep.DEFAULT_ADMIN_ROLE(), address(timelock));
        rep.renounceRole(rep.DEFAULT_ADMIN_ROLE(), deployer);
        distributor.grantRole(distributor.DEFAULT_ADMIN_ROLE(), address(timelock));
        distributor.renounceRole(distributor.DEFAULT_ADMIN_ROLE(), deployer);
        pool.grantRole(pool.DEFAULT_ADMIN_ROLE(), address(timelock));
        pool.renounceRole(pool.DEFAULT_ADMIN_ROLE(), deployer);
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), deployer);
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
            citationReward: 100e18,
            proposerShareBps: 5_000,
            constitutionalTargets: constitutional,
            reputationAge: REPUTATION_AGE
        });
    }

    function _print() internal view {
        console.log("DEVNET_TIMELOCK", address(timelock));
        console.log("DEVNET_TOKEN", address(token));
        console.log("DEVNET_STAKING_HUB", address(hub));
        console.log("DEVNET_REPUTATION", address(rep));
        console.log("DEVNET_TOKEN_GOVERNOR", address(tokenGov));
        console.log("DEVNET_QUADRATIC_GOVERNOR", address(quadGov));
        console.log("DEVNET_MEMBER_GOVERNOR", address(memberGov));
        console.log("DEVNET_GUARDIAN", address(guardian));
        console.log("DEVNET_REVENUE_DISTRIBUTOR", address(distributor));
        console.log("DEVNET_VALIDATION_POOL", address(pool));
        console.log("DEVNET_MARKETPLACE", address(market));
        console.log("DEVNET_MODEL_REGISTRY", address(registry));
        console.log("DEVNET_TEAM_VESTING", address(vesting));
        for (uint32 i; i < 20; ++i) {
            console.log("DEVNET_ACCOUNT", addr(i));
        }
    }

    function _seedAccounts() internal {
        // CTRN for everyone, self-delegated so it votes; REP "earned" by the community.
        for (uint32 i = 1; i < 20; ++i) {
            token.transfer(addr(i), i >= FIRST_BUYER ? 3_000_000e18 : 1_000_000e18);
        }
        token.delegate(addr(DEPLOYER));
        rep.mint(addr(DEPLOYER), 50e18, "genesis");
        for (uint32 i = FIRST_AGENT; i < 20; ++i) {
            rep.mint(addr(i), (25 + 5 * uint256(i % 7)) * 1e18, "genesis");
        }
        for (uint32 i = 1; i < 20; ++i) {
            as_(i);
            token.delegate(addr(i));
        }
    }

    function _seedAgents() internal {
        string[6] memory names = ["Atlas Compute", "Borealis Data", "Cygnus Labs", "Deneb Infra", "Eridani AI", "Fornax Nodes"];
        for (uint32 i; i < 6; ++i) {
            as_(FIRST_AGENT + i);
            hub.registerAgent(
                names[i],
                string.concat("https://agents.computronium.example/", vm.toString(uint256(i + 1)), ".json"),
                uint16(500 + 200 * i)
            );
            hub.stake(addr(FIRST_AGENT + i), (100_000 + 40_000 * uint256(i)) * 1e18);
        }
        // Buyers delegate stake to agents (two agents each).
        for (uint32 b; b < 6; ++b) {
            as_(FIRST_BUYER + b);
            hub.stake(addr(FIRST_AGENT + b), (50_000 + 10_000 * uint256(b)) * 1e18);
            hub.stake(addr(FIRST_AGENT + (b + 1) % 6), 25_000e18);
            token.approve(address(market), type(uint256).max);
        }
    }

    function _metadata(string memory path) internal view returns (string memory uri, bytes32 hash) {
        string memory json = vm.readFile(string.concat("../resources/devnet/metadata/", path));
        uri = string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
        hash = sha256(bytes(json));
    }

    function _seedListings() internal {
        uint256[20] memory prices = [
            uint256(1200), 2500, 900, 650, 400, 300, 120, 450, 200, 80, 24, 2, 1, 3, 15, 500, 350, 250, 180, 150
        ];
        bytes32[4] memory units = [bytes32("dataset"), "month", "hour", "licence"];
        uint8[20] memory kinds = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 0];
        for (uint256 i; i < 20; ++i) {
            uint32 prov = FIRST_PROVIDER + uint32(i % 4);
            as_(prov);
            (string memory uri, bytes32 hash) = _metadata(string.concat("listings/", _pad2(i + 1), ".json"));
            Marketplace.ListingParams memory p = Marketplace.ListingParams({
                kind: Marketplace.Kind(kinds[i]),
                price: prices[i] * 1e18,
                unit: units[kinds[i]],
                metadataURI: uri,
                metadataHash: hash,
                rune: Marketplace.Rune({
                    agent: addr(FIRST_AGENT + uint32(i % 6)),
                    developer: addr(prov),
                    infra: addr(FIRST_AGENT + uint32((i + 3) % 6)),
                    developerBps: 7_000,
                    infraBps: 2_000,
                    stakersBps: 1_000
                })
            });
            if (i % 3 == 0) {
                // A provider-signed manifest, submitted by the deployer as a relayer.
                bytes32 digest = market.manifestDigest(p, addr(prov), market.nonces(addr(prov)));
                (uint8 v, bytes32 r, bytes32 s) = vm.sign(key(prov), digest);
                as_(DEPLOYER);
                market.createSignedListing(p, addr(prov), abi.encodePacked(r, s, v));
            } else {
                market.createListing(p);
            }
        }
    }

    function _seedModels() internal {
        string[12] memory names = [
            "Orion-7B", "Vega-STT", "Lyra-Seg", "Atlas-TS", "TinyStories-33M", "CodeLlama-mini", "Whisper-tiny-eu",
            "BERT-finance-base", "SDXL-sketch", "Phi-embed-small", "Legacy-GPT2-ft", "Retired-YOLOv5-port"
        ];
        string[12] memory spdx =
            ["", "", "", "", "MIT", "Apache-2.0", "MIT", "Apache-2.0", "OpenRAIL-M", "MIT", "MIT", "GPL-3.0-only"];
        for (uint256 i; i < 12; ++i) {
            // Licensed models belong to the provider of their licence listing (16..19).
            uint32 owner = i < 4 ? FIRST_PROVIDER + uint32((15 + i) % 4) : FIRST_AGENT + uint32(i % 6);
            as_(owner);
            (string memory uri, bytes32 hash) = _metadata(string.concat("models/", _pad2(i + 1), ".json"));
            uint256 id = registry.registerModel(names[i], spdx[i], i < 4 ? 16 + i : 0, uri, hash);
            uint256 versions = 2 + i % 3;
            for (uint256 v; v < versions; ++v) {
                string memory semver = string.concat(vm.toString(1 + v / 2), ".", vm.toString(v % 2), ".0");
                registry.publishVersion(
                    id,
                    semver,
                    sha256(abi.encodePacked(names[i], semver)),
                    string.concat("https://models.computronium.example/", names[i], "/", semver, ".safetensors"),
                    keccak256(abi.encodePacked("metrics", names[i], semver))
                );
            }
            if (i == 10) registry.deprecate(id);
            if (i == 11) registry.retire(id);
        }
    }

    /// @dev Ratings from REP holders (buyers), one each, some updated. In the propose phase: a rater
    /// without the licence needs REP aged 10 blocks (ModelRegistry.RATING_REPUTATION_AGE, issue 19
    /// finding 8), and the deploy phase's simulation runs in one block.
    function _seedRatings() internal {
        for (uint32 b; b < 6; ++b) {
            as_(FIRST_BUYER + b);
            for (uint256 m = 1; m <= 12; ++m) {
                if ((m + b) % 3 == 0) continue;
                registry.rate(m, uint8(1 + (m * 7 + b * 3) % 5));
            }
            registry.rate(1 + b, 5); // updated ratings
        }
    }

    function _seedPurchases() internal {
        // 12 settled purchases (all four licences among them), 2 delivered, 2 escrowed, 1 disputed.
        for (uint256 i; i < 17; ++i) {
            uint256 listing = i < 4 ? 16 + i : 1 + (i * 3) % 15;
            uint32 buyer = FIRST_BUYER + uint32(i % 6);
            uint32 prov = FIRST_PROVIDER + uint32((listing - 1) % 4);
            as_(buyer);
            uint256 quantity = listing >= 11 && listing <= 15 ? 10 + i : 1;
            uint256 id = market.purchase(listing, quantity, type(uint256).max);
            if (i >= 15) continue; // escrowed
            as_(prov);
            market.markDelivered(id, keccak256(abi.encodePacked("receipt", id)));
            if (i >= 13) continue; // delivered, awaiting confirmation
            if (i == 12) continue; // disputed in the next phase (pools weigh REP held before they open)
            as_(buyer);
            market.confirm(id);
        }
    }

    function _seedRevenue() internal {
        // Protocol fees from elsewhere join the pool; stakers check in for the community share.
        as_(DEPLOYER);
        token.approve(address(distributor), 10_000e18);
        distributor.notifyRevenue(10_000e18);
        for (uint32 b; b < 6; ++b) {
            as_(FIRST_BUYER + b);
            distributor.checkIn(3);
        }
    }

    // ------------------------------------------------------------- proposals

    struct Proposal {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
    }

    function _one(address target, bytes memory data, string memory description)
        internal
        pure
        returns (Proposal memory p)
    {
        p.targets = new address[](1);
        p.targets[0] = target;
        p.values = new uint256[](1);
        p.calldatas = new bytes[](1);
        p.calldatas[0] = data;
        p.description = description;
    }

    /// @dev Two calls: OpenZeppelin's onlyGovernance lets a governor's settings change only through
    /// that governor's own proposals (a call relayed by the timelock for another governor fails).
    function _two(address t0, bytes memory d0, address t1, bytes memory d1, string memory description)
        internal
        pure
        returns (Proposal memory p)
    {
        p.targets = new address[](2);
        p.values = new uint256[](2);
        p.calldatas = new bytes[](2);
        (p.targets[0], p.calldatas[0], p.targets[1], p.calldatas[1]) = (t0, d0, t1, d1);
        p.description = description;
    }

    function _p1() internal view returns (Proposal memory) {
        return _two(
            address(pool),
            abi.encodeCall(ValidationPool.setVotingWindow, (2 days)),
            address(memberGov),
            abi.encodeWithSignature("setVotingPeriod(uint32)", DEVNET_VOTING_PERIOD),
            "# Longer validation pools\n\nValidation pools stay open two days, so reviewers have time to weigh "
            "in; member votes last two hours."
        );
    }

    /// @dev Granting a role is the token governor's power (the member governor may not).
    function _p2() internal view returns (Proposal memory p) {
        p.targets = new address[](3);
        p.values = new uint256[](3);
        p.calldatas = new bytes[](3);
        (p.targets[0], p.calldatas[0]) = (address(token), abi.encodeCall(IERC20.transfer, (addr(16), 50_000e18)));
        (p.targets[1], p.calldatas[1]) =
            (address(registry), abi.encodeCall(registry.grantRole, (keccak256("CURATOR_ROLE"), addr(15))));
        (p.targets[2], p.calldatas[2]) =
            (address(tokenGov), abi.encodeWithSignature("setVotingPeriod(uint32)", DEVNET_VOTING_PERIOD));
        p.description = "# Grant: open-source indexer\n\n50,000 CTRN from the treasury for the event indexer; "
            "CURATOR_ROLE on the model registry for the community's curator; token votes last two hours from now on.";
    }

    function _p7() internal view returns (Proposal memory) {
        return _one(
            address(distributor),
            abi.encodeCall(RevenueDistributor.setActivityBps, (4_000)),
            "# Weigh activity more in revenue shares\n\nHybrid weights 60/40 instead of 70/30."
        );
    }

    function _p3() internal view returns (Proposal memory) {
        return _one(
            address(distributor),
            abi.encodeCall(RevenueDistributor.setBurnBps, (1_500)),
            "# Burn 15 % of protocol revenue\n\nRaise the revenue burn from 10 % to 15 %."
        );
    }

    function _p4() internal view returns (Proposal memory) {
        return _one(
            address(token),
            abi.encodeCall(IERC20.transfer, (addr(17), 10_000_000e18)),
            "# Marketing budget of 10M CTRN\n\nA large marketing budget paid up front."
        );
    }

    function _p5() internal view returns (Proposal memory) {
        return _one(
            address(distributor),
            abi.encodeCall(RevenueDistributor.setShares, ([uint16(4_000), 2_500, 2_000, 1_500])),
            "# A larger community share\n\nFollows the longer validation pools: community reviewers get 15 % "
            "of revenue, data contributors 25 %."
        );
    }

    function _p6() internal view returns (Proposal memory) {
        return _one(
            address(market),
            abi.encodeCall(Marketplace.setCommission, (400)),
            "# Lower the marketplace commission to 4 %\n\nCheaper settlement to attract providers."
        );
    }

    function _id(Governor g, Proposal memory p) internal pure returns (uint256) {
        return g.hashProposal(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    /// @notice Phase 2 (a block after the deploy, so proposers' votes and the REP staked in pools are
    /// checkpointed: a pool weighs REP held the block before it opens).
    function propose() external {
        _load();
        // First the ratings (each its own block on the automining seed chain), so the proposals'
        // 60-block votes start after them.
        vm.startBroadcast(key(FIRST_BUYER));
        _seedRatings();
        vm.stopBroadcast();
        // A model review question in a validation pool (the forum record), open for a day.
        vm.startBroadcast(key(FIRST_BUYER + 2));
        pool.open(
            ValidationPool.Kind.ModelReview, 9, 3e18, "SDXL-sketch: the published benchmark numbers are not reproducible."
        );
        // The buyer of purchase 13 (delivered in the deploy phase) disputes it.
        as_(FIRST_BUYER);
        market.dispute(13, 5e18, "The dataset delivered has 40% fewer records than the listing states.");
        as_(FIRST_BUYER);
        Proposal memory p = _p1();
        memberGov.propose(p.targets, p.values, p.calldatas, p.description);
        as_(DEPLOYER);
        p = _p2();
        tokenGov.propose(p.targets, p.values, p.calldatas, p.description);
        as_(FIRST_BUYER + 1);
        p = _p3();
        quadGov.propose(p.targets, p.values, p.calldatas, p.description);
        as_(FIRST_BUYER + 2);
        p = _p4();
        tokenGov.propose(p.targets, p.values, p.calldatas, p.description);
        as_(FIRST_BUYER + 5);
        p = _p7();
        quadGov.propose(p.targets, p.values, p.calldatas, p.description);
        vm.stopBroadcast();
    }

    // ------------------------------------------------------------------ phase 2

    function _load() internal {
        timelock = TimelockController(payable(vm.envAddress("DEVNET_TIMELOCK")));
        token = ComputroniumToken(vm.envAddress("DEVNET_TOKEN"));
        hub = StakingHub(vm.envAddress("DEVNET_STAKING_HUB"));
        rep = Reputation(vm.envAddress("DEVNET_REPUTATION"));
        tokenGov = TokenGovernor(payable(vm.envAddress("DEVNET_TOKEN_GOVERNOR")));
        quadGov = QuadraticGovernor(payable(vm.envAddress("DEVNET_QUADRATIC_GOVERNOR")));
        memberGov = MemberGovernor(payable(vm.envAddress("DEVNET_MEMBER_GOVERNOR")));
        distributor = RevenueDistributor(vm.envAddress("DEVNET_REVENUE_DISTRIBUTOR"));
        pool = ValidationPool(vm.envAddress("DEVNET_VALIDATION_POOL"));
        market = Marketplace(vm.envAddress("DEVNET_MARKETPLACE"));
        registry = ModelRegistry(vm.envAddress("DEVNET_MODEL_REGISTRY"));
        guardian = GuardianMultisig(vm.envAddress("DEVNET_GUARDIAN"));
    }

    function vote() external {
        _load();
        vm.startBroadcast(key(DEPLOYER));
        tokenGov.castVote(_id(tokenGov, _p2()), 1);
        tokenGov.castVoteWithReason(_id(tokenGov, _p4()), 0, "Too much, too early.");
        quadGov.castVote(_id(quadGov, _p3()), 1);
        quadGov.castVote(_id(quadGov, _p7()), 1);
        for (uint32 b; b < 6; ++b) {
            as_(FIRST_BUYER + b);
            memberGov.castVote(_id(memberGov, _p1()), b == 5 ? 2 : 1);
            quadGov.castVote(_id(quadGov, _p3()), b % 3 == 0 ? 0 : 1);
            if (b < 3) quadGov.castVote(_id(quadGov, _p7()), 1);
            tokenGov.castVote(_id(tokenGov, _p4()), b < 2 ? 1 : 0);
        }
        // A provider contests the open dispute in its validation pool; members weigh in on the review.
        as_(FIRST_PROVIDER + 1);
        pool.vote(2, false, 3e18);
        as_(FIRST_AGENT + 4);
        pool.vote(1, false, 2e18);
        as_(FIRST_BUYER + 3);
        pool.vote(1, true, 4e18);
        vm.stopBroadcast();
    }

    // ------------------------------------------------------------------ phase 3

    function queue() external {
        _load();
        vm.startBroadcast(key(DEPLOYER));
        Proposal memory p = _p1();
        memberGov.queue(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        p = _p2();
        tokenGov.queue(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        p = _p3();
        quadGov.queue(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        vm.stopBroadcast();
    }

    // ------------------------------------------------------------------ phase 4

    function finish() external {
        _load();
        // Both proposals are constitutional (a governor retunes itself; a role grant): the guardians
        // execute them, guardian 1 submitting and guardian 2 confirming (2 of 3).
        vm.startBroadcast(key(1));
        Proposal memory p = _p1();
        uint256 tx1 = guardian.proposeExecute(
            address(memberGov), p.targets, p.values, p.calldatas, keccak256(bytes(p.description))
        );
        p = _p2();
        uint256 tx2 = guardian.proposeExecute(
            address(tokenGov), p.targets, p.values, p.calldatas, keccak256(bytes(p.description))
        );
        as_(2);
        guardian.confirm(tx1);
        guardian.execute(tx1);
        guardian.confirm(tx2);
        guardian.execute(tx2);

        // The curator appointed by the executed proposal reviews models.
        as_(15);
        for (uint256 m = 1; m <= 12; ++m) {
            ModelRegistry.Review r = m % 5 == 0 ? ModelRegistry.Review.Flagged : ModelRegistry.Review.Approved;
            if (m % 4 == 3) continue; // left unreviewed
            registry.setReview(m, r, m % 5 == 0 ? "benchmark numbers not reproducible" : "card and artifacts verified");
        }

        // The first revenue epoch is over: finalize it; one provider claims, the rest stay claimable.
        as_(DEPLOYER);
        distributor.finalizeEpoch();
        as_(FIRST_PROVIDER);
        distributor.claim(0, 1);

        // Two open proposals: one citing the executed proposal, one on the token governor.
        as_(FIRST_BUYER + 3);
        p = _p5();
        uint256[] memory cited = new uint256[](1);
        cited[0] = _id(memberGov, _p1());
        memberGov.proposeWithCitations(p.targets, p.values, p.calldatas, p.description, cited);
        as_(FIRST_BUYER + 4);
        p = _p6();
        tokenGov.propose(p.targets, p.values, p.calldatas, p.description);
        vm.stopBroadcast();
    }

    function _pad2(uint256 n) internal pure returns (string memory) {
        return n < 10 ? string.concat("0", vm.toString(n)) : vm.toString(n);
    }
}
