using Kfp.Provider.Protocol.Grpc;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class BlockMemoryPoolTests
{
    [Fact]
    public void Rent_AfterReturn_GivesTheSameBlockBack()
    {
        using var pool = new BlockMemoryPool();
        var first = pool.Rent(100);
        var memory = first.Memory;
        first.Dispose();

        using var second = pool.Rent();

        Assert.Equal(BlockMemoryPool.BlockSize, second.Memory.Length);
        Assert.True(memory.Span == second.Memory.Span, "the returned block is rented again");
        Assert.Equal(0, pool.FreeBlocks);
    }

    [Fact]
    public void Return_BeyondTheRetainedBytes_DropsTheBlock()
    {
        using var pool = new BlockMemoryPool();
        var max = BlockMemoryPool.MaxRetainedBytes / BlockMemoryPool.BlockSize;
        var rented = Enumerable.Range(0, max + 10).Select(_ => pool.Rent()).ToList();

        rented.ForEach(b => b.Dispose());

        Assert.Equal(max, pool.FreeBlocks);
    }

    [Fact]
    public void Rent_LargerThanABlock_IsRefused()
    {
        using var pool = new BlockMemoryPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(BlockMemoryPool.BlockSize + 1));
    }
}
