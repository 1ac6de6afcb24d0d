// ctrn models publish|version|rate|retire — the ModelRegistry's actions
// (list/search/show/download are the index's read commands), over core's
// rules: a licensed model needs the licence ("licence required", the
// simulation's decoded NotEligible), and a second rating is refused
// ("already rated") unless --change says the earlier score is to be replaced.
#include "protocol_common.h"

#include <core/util/hex.h>

namespace ctrn::cli {
namespace {

using namespace protocol;

// The MODEL positional as parameter "model", and the named options.
interfaces::ActionRequest modelRequest(const Args& args, const std::vector<std::string>& options, const std::vector<std::string>& flags = {}) {
    args.expectPositionalCount(1);
    auto request = requestFrom(args, options, flags);
    request.params["model"] = args.positional(0, "MODEL");
    return request;
}

int runPublish(const Args& args) {
    args.expectPositionalCount(0);
    return runProtocolAction(args, "model.publish", requestFrom(args, {"name", "spdx", "licence-listing", "metadata-uri", "metadata-hash"}),
                             [](ProtocolSession&, const ActionResult& r) {
                                 Json extra = Json::object();
                                 if (auto id = r.eventField("ModelRegistered", "modelId")) extra["modelId"] = *id;
                                 return extra;
                             });
}

int runVersion(const Args& args) {
    return runProtocolAction(args, "model.version", modelRequest(args, {"semver", "artifact-hash", "uri", "metrics-hash"}),
                             [](ProtocolSession&, const ActionResult& r) {
                                 Json extra = Json::object();
                                 if (auto index = r.eventField("VersionPublished", "index")) extra["index"] = *index;
                                 return extra;
                             });
}

int runRate(const Args& args) { return runProtocolAction(args, "model.rate", modelRequest(args, {"score"}, {"change"})); }

int runRetire(const Args& args) { return runProtocolAction(args, "model.retire", modelRequest(args, {})); }

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
