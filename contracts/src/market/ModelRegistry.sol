// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice REP's ageing read (Reputation.agedVotes): REP held both at a timepoint and `age` before it.
interface IAgedReputation {
    function agedVotes(address account, uint256 timepoint, uint256 age) external view returns (uint256);
}
import {Marketplace} from "./Marketplace.sol";

/// @title Computronium model registry
/// @notice AI models and their versions. A model has an owner, a name, a
/// licence (an open SPDX id, or a marketplace model-licence listing), a
/// metadata URI with its sha256, versions (semantic version, sha256 of the
/// artifact, URI, metrics hash, time), a lifecycle (active, deprecated,
/// retired), a curator review status, and ratings: one rating (1–5,
/// updatable) per address that holds the model's licence or any REP; the
/// aggregate is kept on chain.
/// @dev Review status is set by governance (the timelock, which executes the
/// member governor's proposals) or by a CURATOR_ROLE it grants.
contract ModelRegistry is AccessControl {
    bytes32 public constant CURATOR_ROLE = keccak256("CURATOR_ROLE");
    /// @notice A rater without the model's licence needs at least this much REP, held for
    /// RATING_REPUTATION_AGE blocks (issue 19, finding 8: no ratings from 1-wei or fresh REP).
    uint256 public constant MIN_RATING_REPUTATION = 1e18;
    uint256 public constant RATING_REPUTATION_AGE = 10;

    enum Status {
        None,
        Active,
        Deprecated,
        Retired
    }

    enum Review {
        Unreviewed,
        Approved,
        Flagged,
        Rejected
    }

    struct Model {
        address owner;
        Status status;
        Review review;
        uint64 createdAt;
        uint256 licenceListing; // 0: open licence (spdx)
        uint256 versionCount;
        uint256 ratingSum;
        uint256 ratingCount;
        bytes32 metadataHash;
        string name;
        string spdx;
        string metadataURI;
    }

    struct Version {
        string semver;
        bytes32 artifactHash; // sha256 of the artifact
        string uri;
        bytes32 metricsHash;
        uint64 publishedAt;
    }

    Marketplace public immutable marketplace;
    IERC20 public immutable reputation;
    /// @notice The timelock (executes governance, including the member governor).
    address public immutable governance;

    uint256 public modelCount;
    mapping(uint256 modelId => Model) public models;
    mapping(uint256 modelId => mapping(uint256 index => Version)) public versions;
    /// @notice A rater's current score for a model (0: never rated).
    mapping(uint256 modelId => mapping(address rater => uint8)) public ratingOf;

    event ModelRegistered(
        uint256 indexed modelId, address indexed owner, string name, string spdx, uint256 licenceListing, string metadataURI, bytes32 metadataHash
    );
    event ModelUpdated(uint256 indexed modelId, string metadataURI, bytes32 metadataHash);
    event VersionPublished(
        uint256 indexed modelId, uint256 indexed index, string semver, bytes32 artifactHash, string uri, bytes32 metricsHash
    );
    event ModelDeprecated(uint256 indexed modelId);
    event ModelRetired(uint256 indexed modelId);
    event ModelReviewed(uint256 indexed modelId, Review review, address indexed curator, string note);
    event ModelRated(uint256 indexed modelId, address indexed rater, uint8 score, uint8 previousScore);

    error UnknownModel(uint256 modelId);
    error NotOwner(address caller);
    error NotCurator(address caller);
    error EmptyName();
    error InvalidLicence();
    error InvalidScore(uint8 score);
    error NotEligible(address rater);
    error ModelIsRetired(uint256 modelId);
    error WrongStatus(uint256 modelId, Status status);
    error ZeroAddress();

    /// @param marketplace_ The marketplace (model licences).
    /// @param reputation_ REP (holders may rate).
    /// @param governance_ The timelock: curator admin and reviewer.
    constructor(Marketplace marketplace_, IERC20 reputation_, address governance_) {
        if (address(marketplace_) == address(0) || address(reputation_) == address(0) || governance_ == address(0)) {
            revert ZeroAddress();
        }
        marketplace = marketplace_;
        reputation = reputation_;
        governance = governance_;
        _grantRole(DEFAULT_ADMIN_ROLE, governance_);
    }

    /// @notice Registers a model owned by the caller.
    /// @param name Display name.
    /// @param spdx Open licence SPDX id (when `licenceListing` is 0).
    /// @param licenceListing A model-licence listing of the caller, or 0 for an open licence.
    /// @param metadataURI Model card URI.
    /// @param metadataHash sha256 of the model card.
    /// @return modelId The new model.
    function registerModel(
        string calldata name,
        string calldata spdx,
        uint256 licenceListing,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external returns (uint256 modelId) {
        if (bytes(name).length == 0) revert EmptyName();
        if (licenceListing == 0) {
            if (bytes(spdx).length == 0) revert InvalidLicence();
        } else {
            (address provider, Marketplace.Kind kind) = marketplace.listingInfo(licenceListing);
            if (provider != msg.sender || kind != Marketplace.Kind.ModelLicence) revert InvalidLicence();
        }
        modelId = ++modelCount;
        Model storage m = models[modelId];
        m.owner = msg.sender;
        m.status = Status.Active;
        m.createdAt = uint64(block.timestamp);
        m.licenceListing = licenceListing;
        m.metadataHash = metadataHash;
        m.name = name;
        m.spdx = spdx;
        m.metadataURI = metadataURI;
        emit ModelRegistered(modelId, msg.sender, name, spdx, licenceListing, metadataURI, metadataHash);
    }

    /// @notice Changes a model's card. Owner only.
    /// @param modelId The model.
    /// @param metadataURI New card URI.
    /// @param metadataHash sha256 of the new card.
    function updateModel(uint256 modelId, string calldata metadataURI, bytes32 metadataHash) external {
        Model storage m = _owned(modelId);
        m.metadataURI = metadataURI;
        m.metadataHash = metadataHash;
        emit ModelUpdated(modelId, metadataURI, metadataHash);
    }

    /// @notice Publishes a new version. Owner only; not on a retired model.
    /// @param modelId The model.
    /// @param semver Semantic version ("1.2.0").
    /// @param artifactHash sha256 of the artifact.
    /// @param uri Where the artifact is.
    /// @param metricsHash Hash of the evaluation metrics document.
    /// @return index The version's index (0-based).
    function publishVersion(
        uint256 modelId,
        string calldata semver,
        bytes32 artifactHash,
        string calldata uri,
        bytes32 metricsHash
    ) external returns (uint256 index) {
        Model storage m = _owned(modelId);
        if (m.status == Status.Retired) revert ModelIsRetired(modelId);
        index = m.versionCount++;
        versions[modelId][index] = Version(semver, artifactHash, uri, metricsHash, uint64(block.timestamp));
        emit VersionPublished(modelId, index, semver, artifactHash, uri, metricsHash);
    }

    /// @notice Marks an active model deprecated. Owner only.
    function deprecate(uint256 modelId) external {
        Model storage m = _owned(modelId);
        if (m.status != Status.Active) revert WrongStatus(modelId, m.status);
        m.status = Status.Deprecated;
        emit ModelDeprecated(modelId);
    }

    /// @notice Retires a model: no more versions. Owner only.
    function retire(uint256 modelId) external {
        Model storage m = _owned(modelId);
        if (m.status == Status.Retired) revert WrongStatus(modelId, m.status);
        m.status = Status.Retired;
        emit ModelRetired(modelId);
    }

    /// @notice Sets a model's review status. Governance or CURATOR_ROLE.
    /// @param modelId The model.
    /// @param review The status.
    /// @param note Why (text or a URI).
    function setReview(uint256 modelId, Review review, string calldata note) external {
        if (msg.sender != governance && !hasRole(CURATOR_ROLE, msg.sender)) revert NotCurator(msg.sender);
        Model storage m = _model(modelId);
        m.review = review;
        emit ModelReviewed(modelId, review, msg.sender, note);
    }

    /// @notice Rates a model 1–5, or changes the caller's rating. Licensees of the model and REP
    /// holders only, never the owner; one rating per address.
    /// @param modelId The model.
    /// @param score 1..5.
    function rate(uint256 modelId, uint8 score) external {
        if (score == 0 || score > 5) revert InvalidScore(score);
        Model storage m = _model(modelId);
        if (!canRate(modelId, msg.sender)) revert NotEligible(msg.sender);
        uint8 previous = ratingOf[modelId][msg.sender];
        if (previous == 0) {
            m.ratingCount += 1;
        } else {
            m.ratingSum -= previous;
        }
        m.ratingSum += score;
        ratingOf[modelId][msg.sender] = score;
        emit ModelRated(modelId, msg.sender, score, previous);
    }

    /// @notice Whether `rater` may rate the model.
    function canRate(uint256 modelId, address rater) public view returns (bool) {
        Model storage m = models[modelId];
        if (m.owner == address(0) || rater == m.owner) return false;
        if (m.licenceListing != 0 && marketplace.hasLicence(rater, m.licenceListing)) return true;
        if (block.number <= RATING_REPUTATION_AGE) return false;
        return IAgedReputation(address(reputation)).agedVotes(rater, block.number - 1, RATING_REPUTATION_AGE)
            >= MIN_RATING_REPUTATION;
    }

    /// @notice Average rating scaled by 100 (450 = 4.5 stars) and the number of ratings.
    function averageRating(uint256 modelId) external view returns (uint256 average, uint256 count) {
        Model storage m = models[modelId];
        count = m.ratingCount;
        average = count == 0 ? 0 : m.ratingSum * 100 / count;
    }

    /// @notice A model, whole.
    function getModel(uint256 modelId) external view returns (Model memory) {
        return models[modelId];
    }

    /// @notice One version of a model.
    function version(uint256 modelId, uint256 index) external view returns (Version memory) {
        return versions[modelId][index];
    }

    function _model(uint256 modelId) private view returns (Model storage m) {
        m = models[modelId];
        if (m.owner == address(0)) revert UnknownModel(modelId);
    }

    function _owned(uint256 modelId) private view returns (Model storage m) {
        m = _model(modelId);
        if (msg.sender != m.owner) revert NotOwner(msg.sender);
    }
}
