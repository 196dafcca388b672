// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>

namespace partita
{

/** A fixed-size single-producer single-consumer queue of owned objects: the
    audio thread pushes the objects it no longer needs, another thread pops and
    frees them, so nothing is freed on the audio thread.

    Threading: push() and hasRoom() from one producer thread (the audio
    thread), wait-free; pop() from one consumer at a time (callers serialise
    consumers with their own lock). */
template <typename Object, std::size_t capacity>
class RetiredEngineQueue
{
public:
    RetiredEngineQueue() = default;
    RetiredEngineQueue (const RetiredEngineQueue&) = delete;
    RetiredEngineQueue& operator= (const RetiredEngineQueue&) = delete;

    ~RetiredEngineQueue()
    {
        while (pop() != nullptr)
        {
        }
    }

    [[nodiscard]] bool hasRoom() const noexcept
    {
        return head.load (std::memory_order_relaxed) - tail.load (std::memory_order_acquire) < capacity;
    }

    /** Takes ownership; returns false (and leaves `object` as it is) when full. */
    bool push (std::unique_ptr<Object>& object) noexcept
    {
        const auto position = head.load (std::memory_order_relaxed);
        if (position - tail.load (std::memory_order_acquire) >= capacity)
            return false;
        slots[position % capacity] = object.release();
        head.store (position + 1, std::memory_order_release);
        return true;
    }

    /** The oldest object, or nullptr when empty. */
    std::unique_ptr<Object> pop() noexcept
    {
        const auto position = tail.load (std::memory_order_relaxed);
        if (position == head.load (std::memory_order_acquire))
            return nullptr;
        std::unique_ptr<Object> object (slots[position % capacity]);
        slots[position % capacity] = nullptr;
        tail.store (position + 1, std::memory_order_release);
        return object;
    }

    [[nodiscard]] std::size_t size() const noexcept
    {
        return head.load (std::memory_order_acquire) - tail.load (std::memory_order_acquire);
    }

private:
    std::array<Object*, capacity> slots {};
    std::atomic<std::size_t> head { 0 }; // next slot to fill, written by the producer
    std::atomic<std::size_t> tail { 0 }; // next slot to empty, written by the consumer
};

} // namespace partita
