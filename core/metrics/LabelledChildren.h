#pragma once

#include <QByteArray>
#include <QStringList>

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace sluice {

// The children of a labelled family, keyed by label values. Lookup takes a
// shared lock, creation an exclusive one; a child never moves or dies before
// its family, so callers cache the pointer and the hot path takes no lock.
template<typename T>
class LabelledChildren
{
public:
    struct Child
    {
        QByteArray labelText; // `a="x",b="y"`, escaped, without braces
        std::unique_ptr<T> metric;
    };

    // The child for `values`; `make()` builds a new std::unique_ptr<T> and
    // `labelText()` its label text, both only on first use.
    template<typename Make, typename LabelText>
    T *findOrCreate(const QStringList &values, Make make, LabelText labelText)
    {
        {
            std::shared_lock lock(m_mutex);
            const auto it = m_children.find(values);
            if (it != m_children.end())
                return it->second.metric.get();
        }
        std::unique_lock lock(m_mutex);
        auto [it, inserted] = m_children.try_emplace(values);
        if (inserted) {
            it->second.labelText = labelText();
            it->second.metric = make();
        }
        return it->second.metric.get();
    }

    // fn(const QStringList &values, const Child &child) for each child, ordered by
    // label values.
    template<typename Fn>
    void forEach(Fn fn) const
    {
        std::shared_lock lock(m_mutex);
        for (const auto &[values, child] : m_children)
            fn(values, child);
    }

    bool isEmpty() const
    {
        std::shared_lock lock(m_mutex);
        return m_children.empty();
    }

private:
    mutable std::shared_mutex m_mutex;
    std::map<QStringList, Child> m_children;
};

} // namespace sluice
