#include <core/interfaces/handler.h>

namespace ctrn::interfaces {
namespace {

class CleanupHandler : public Handler {
public:
    explicit CleanupHandler(std::function<void()> cleanup) : m_cleanup(std::move(cleanup)) {}
    ~CleanupHandler() override { disconnect(); }
    void disconnect() override {
        if (!m_cleanup) return;
        auto cleanup = std::move(m_cleanup);
        m_cleanup = nullptr;
        cleanup();
    }

private:
    std::function<void()> m_cleanup;
};

} // namespace

std::unique_ptr<Handler> makeHandler(std::function<void()> cleanup) {
    return std::make_unique<CleanupHandler>(std::move(cleanup));
}

} // namespace ctrn::interfaces
