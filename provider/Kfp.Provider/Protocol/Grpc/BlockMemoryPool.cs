using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The memory Kestrel's connection pipes are built from: fixed blocks on the pinned object heap, reused. Without it, a
/// transport composed by hand gets <see cref="MemoryPool{T}.Shared"/>, whose array pool keeps only a few dozen blocks
/// of a size per core: a call that moves a Pipeline's 0.5 MB view each way held about 270 blocks at once, and
/// allocated most of them anew on every call (1 MB of garbage a call). Blocks are 16 KiB, one HTTP/2 frame, so a
/// socket read fills a frame; at most <see cref="MaxRetainedBytes"/> of free blocks are kept (they are pinned and count
/// in the plugin's resident memory), the rest are left to the collector. Thread-safe.
/// </summary>
internal sealed class BlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 16 * 1024;

    /// <summary>Free blocks beyond this are dropped when returned: room for a few calls of a 1 MB spec's view at once.</summary>
    public const int MaxRetainedBytes = 4 * 1024 * 1024;

    private const int MaxRetained = MaxRetainedBytes / BlockSize;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Free blocks held now.</summary>
    public int FreeBlocks => Volatile.Read(ref _freeCount);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }

        return new Block(this);
    }

    protected override void Dispose(bool disposing)
    {
        // Blocks still rented come back to a pool nobody rents from; they are dropped with it.
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) <= MaxRetained)
        {
            _free.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _freeCount);
        }
    }

    /// <summary>One block; disposing it returns it to the pool.</summary>
    private sealed class Block(BlockMemoryPool pool) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public void Dispose() => pool.Return(this);
    }

    /// <summary>Gives every connection of the transport the same pool.</summary>
    public sealed class Factory : IMemoryPoolFactory<byte>
    {
        public BlockMemoryPool Pool { get; } = new();

        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => Pool;
    }
}
