// Buffers for secrets (private keys, seeds, mnemonics, passwords). Their
// memory is wiped when they are destroyed or cleared, so a secret does not
// linger in freed heap pages, and they never convert to a string implicitly.
#pragma once

#include <core/util/bytes.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace ctrn {

// Overwrites memory in a way the optimiser may not remove.
void secureWipe(void* data, std::size_t size);

class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size) : m_data(size, 0) {}
    explicit SecureBytes(ByteView v) : m_data(v.begin(), v.end()) {}
    SecureBytes(const SecureBytes&) = default;
    SecureBytes& operator=(const SecureBytes& other) {
        if (this != &other) { clear(); m_data = other.m_data; }
        return *this;
    }
    SecureBytes(SecureBytes&& other) noexcept : m_data(std::move(other.m_data)) { other.m_data.clear(); }
    SecureBytes& operator=(SecureBytes&& other) noexcept {
        if (this != &other) { clear(); m_data = std::move(other.m_data); other.m_data.clear(); }
        return *this;
    }
    ~SecureBytes() { clear(); }

    void clear() {
        secureWipe(m_data.data(), m_data.capacity());
        m_data.clear();
    }
    // Growing could reallocate and leave a copy behind, so the capacity is
    // reserved up front and the old block wiped on reallocation.
    void append(ByteView v) {
        if (m_data.size() + v.size() > m_data.capacity()) {
            Bytes bigger;
            bigger.reserve((m_data.size() + v.size()) * 2);
            bigger.assign(m_data.begin(), m_data.end());
            clear();
            m_data = std::move(bigger);
        }
        m_data.insert(m_data.end(), v.begin(), v.end());
    }

    std::uint8_t* data() { return m_data.data(); }
    const std::uint8_t* data() const { return m_data.data(); }
    std::size_t size() const { return m_data.size(); }
    bool empty() const { return m_data.empty(); }
    ByteView view() const { return ByteView(m_data.data(), m_data.size()); }
    std::string_view asString() const { return {reinterpret_cast<const char*>(m_data.data()), m_data.size()}; }
    std::uint8_t& operator[](std::size_t i) { return m_data[i]; }
    std::uint8_t operator[](std::size_t i) const { return m_data[i]; }

private:
    Bytes m_data;
};

// A secret string (mnemonic, password): a SecureBytes read as UTF-8 text.
using SecureString = SecureBytes;

inline SecureString secureFromString(std::string_view s) { return SecureBytes(asView(s)); }

} // namespace ctrn
