#include <core/util/json.h>

#include <string>

namespace ctrn {
namespace {

// The DOM builder, except that integer literals too large for uint64/int64
// (which nlohmann reports as floats) are stored as their exact text.
class ExactSax : public nlohmann::detail::json_sax_dom_parser<Json> {
public:
    using Base = nlohmann::detail::json_sax_dom_parser<Json>;
    explicit ExactSax(Json& target) : Base(target, false) {}

    bool number_float(Json::number_float_t value, const Json::string_t& text) {
        if (text.find_first_of(".eE") == std::string::npos) {
            Json::string_t copy = text;
            return Base::string(copy);
        }
        return Base::number_float(value, text);
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        m_error = "invalid JSON at byte " + std::to_string(position) + ": " + trimmed(ex.what());
        return false;
    }
    const std::string& errorMessage() const { return m_error; }

private:
    static std::string trimmed(std::string what) {
        // nlohmann messages look like "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
        auto colon = what.find(": ");
        return colon == std::string::npos ? what : what.substr(colon + 2);
    }
    std::string m_error;
};

} // namespace

Result<Json> parseJson(std::string_view text) {
    Json root;
    ExactSax sax(root);
    bool ok = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true, false);
    if (!ok || sax.is_errored()) {
        std::string msg = sax.errorMessage().empty() ? "invalid JSON" : sax.errorMessage();
        return makeError(ErrorCode::InvalidEncoding, msg);
    }
    return root;
}

} // namespace ctrn
