// ctrn models publish|version|rate|retire — the ModelRegistry's actions
// (list/search/show/download are the index's read commands). rate checks
// eligibility first: a licensed model needs the licence ("licence
// required"), and a second rating is refused ("already rated") unless
// --change says the earlier score is to be replaced.
#include "protocol_common.h"

#include <core/util/hex.h>

namespace ctrn::cli {
namespace {

using namespace protocol;

crypto::Hash256 optionalHash(const Args& args, const std::string& name) {
    auto v = args.option(name);
    return v ? hash32Arg(*v, "--" + name) : crypto::Hash256{};
}

int runPublish(const Args& args) {
    args.expectPositionalCount(0);
    chain::Address from = fromOption(args);
    std::string name = args.required("name");
    if (name.empty()) throw UsageError{"--name must not be empty"};
    std::string spdx = args.option("spdx").value_or("");
    U256 licence = idArg(args.option("licence-listing").value_or("0"), "--licence-listing");
    // The registry wants an open licence (SPDX id) or a licence listing.
    if (licence == 0 && spdx.empty()) throw UsageError{"give --spdx ID (an open licence) or --licence-listing LISTING"};
    auto opened = openBound(args, modelRegistry);
    if (!opened) return printError(opened.error());
    auto& [s, reg] = *opened;
    if (licence != 0) {
        // A licensed model's licence must be the publisher's own listing.
        auto market = marketplace(s.p());
        if (!market) return printError(market.error());
        auto l = market->listing(licence);
        if (!l) return printProtocolError(l.error());
        if ((*l)["provider"].get<std::string>() != from.checksummed())
            return printError("--licence-listing " + toDecimal(licence) + " is not a listing of " + from.checksummed());
        if ((*l)["kind"].get<std::string>() != "3")
            return printError("--licence-listing " + toDecimal(licence) + " is not a model-licence listing");
    }
    auto data = reg.registerModelData(name, spdx, licence, args.option("metadata-uri").value_or(""), optionalHash(args, "metadata-hash"));
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {reg.address(), *data, "model-publish", "publish model '" + name + "'"});
    if (!r) return printProtocolError(r.error());
    Json extra = Json::object();
    if (auto id = r->eventField("ModelRegistered", "modelId")) extra["modelId"] = *id;
    return printAction(args, *r, extra);
}

Result<chain::Address> modelOwner(const ModelRegistryBinding& reg, const U256& id) {
    CTRN_ASSIGN(Json m, reg.model(id));
    CTRN_ASSIGN(chain::Address owner, chain::Address::fromHex(m["owner"].get<std::string>()));
    if (owner.isZero()) return makeError(ErrorCode::NotFound, "no model " + toDecimal(id));
    return owner;
}

int runVersion(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "MODEL"), "model id");
    chain::Address from = fromOption(args);
    std::string semver = args.required("semver");
    auto opened = openBound(args, modelRegistry);
    if (!opened) return printError(opened.error());
    auto& [s, reg] = *opened;
    auto owner = modelOwner(reg, id);
    if (!owner) return printProtocolError(owner.error());
    if (*owner != from) return printError("only the model's owner " + owner->checksummed() + " can publish versions");
    auto data = reg.publishVersionData(id, semver, hash32Arg(args.required("artifact-hash"), "--artifact-hash"), args.required("uri"),
                                        optionalHash(args, "metrics-hash"));
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {reg.address(), *data, "model-version", "publish version " + semver + " of model " + toDecimal(id)});
    if (!r) return printProtocolError(r.error());
    Json extra = {{"modelId", toDecimal(id)}, {"semver", semver}};
    if (auto index = r->eventField("VersionPublished", "index")) extra["index"] = *index;
    return printAction(args, *r, extra);
}

int runRate(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "MODEL"), "model id");
    U256 score = idArg(args.required("score"), "--score");
    if (score < 1 || score > 5) throw UsageError{"--score must be 1 to 5"};
    chain::Address from = fromOption(args);
    auto opened = openBound(args, modelRegistry);
    if (!opened) return printError(opened.error());
    auto& [s, reg] = *opened;
    auto owner = modelOwner(reg, id);
    if (!owner) return printProtocolError(owner.error());
    if (*owner == from) return printError("owners cannot rate their own model");
    auto previous = reg.ratingOf(id, from);
    if (!previous) return printProtocolError(previous.error());
    if (*previous != 0 && !args.flag("change"))
        return printError("already rated: " + from.checksummed() + " gave model " + toDecimal(id) + " " + std::to_string(*previous) +
                          " stars (--change replaces the rating)");
    // canRate is checked by the contract too (NotEligible, "licence
    // required"); sending anyway would only cost gas for the revert.
    auto data = reg.rateData(id, static_cast<std::uint8_t>(score));
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {reg.address(), *data, "model-rate", "rate model " + toDecimal(id) + " " + toDecimal(score) + " stars"});
    if (!r) return printProtocolError(r.error());
    return printAction(args, *r, {{"modelId", toDecimal(id)}, {"score", toDecimal(score)}, {"previousScore", std::to_string(*previous)}});
}

int runRetire(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "MODEL"), "model id");
    chain::Address from = fromOption(args);
    auto opened = openBound(args, modelRegistry);
    if (!opened) return printError(opened.error());
    auto& [s, reg] = *opened;
    auto owner = modelOwner(reg, id);
    if (!owner) return printProtocolError(owner.error());
    if (*owner != from) return printError("only the model's owner " + owner->checksummed() + " can retire it");
    auto data = reg.retireData(id);
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {reg.address(), *data, "model-retire", "retire model " + toDecimal(id)});
    if (!r) return printProtocolError(r.error());
    return printAction(args, *r, {{"modelId", toDecimal(id)}});
}

const bool r1 = registerCommand({"models publish",
    "--name NAME [--spdx ID] [--licence-listing LISTING] [--metadata-uri URI] [--metadata-hash 0x..] " + kActionUsage,
    "Registers a model owned by --from under an open licence (--spdx) or a licence listing (a\n"
    "model-licence listing of --from); only licence holders (or REP holders) may rate a licensed\n"
    "model.",
    actionOptions({"name", "spdx", "licence-listing", "metadata-uri", "metadata-hash"}), runPublish});
const bool r2 = registerCommand({"models version",
    "MODEL --semver X.Y.Z --artifact-hash 0x.. --uri URI [--metrics-hash 0x..] " + kActionUsage,
    "Publishes a version of one's model: the artifact's hash and where to download it.",
    actionOptions({"semver", "artifact-hash", "uri", "metrics-hash"}), runVersion});
const bool r3 = registerCommand({"models rate", "MODEL --score 1-5 [--change] " + kActionUsage,
    "Rates a model. Refused with \"already rated\" when --from has rated it (unless --change), and\n"
    "with \"licence required\" (the contract's NotEligible) without the model's licence or REP.",
    actionOptions({"score"}), runRate});
const bool r4 = registerCommand({"models retire", "MODEL " + kActionUsage,
    "Retires one's model: no new versions; the record stays.",
    actionOptions(), runRetire});

} // namespace
} // namespace ctrn::cli
