namespace Routing.Ors.Tests;

/// <summary>The gate that keeps directions with avoid polygons to their share of the cores.</summary>
public sealed class AvoidAreaGateTests
{
    [Fact]
    public async Task Slots_then_a_bounded_wait_then_refusal_and_a_released_slot_lets_the_oldest_waiter_in()
    {
        using var gate = new AvoidAreaGate(concurrent: 1, waiting: 1);

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        var third = await gate.EnterAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.False(second.IsCompleted); // waits for the slot
        Assert.Null(third);               // one waiting already: refused at once
        first.Dispose();
        using var admitted = await second;
        Assert.NotNull(admitted);
        first.Dispose();                  // a slot released twice frees it once: the next one must wait again
        var fourth = gate.EnterAsync(CancellationToken.None);
        Assert.False(fourth.IsCompleted);
        admitted.Dispose();
        using var last = await fourth;
        Assert.NotNull(last);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_frees_its_place_in_the_queue()
    {
        using var gate = new AvoidAreaGate(concurrent: 1, waiting: 1);
        using var first = await gate.EnterAsync(CancellationToken.None);
        using var leaving = new CancellationTokenSource();

        var waiting = gate.EnterAsync(leaving.Token);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var next = gate.EnterAsync(CancellationToken.None);
        Assert.False(next.IsCompleted); // it may wait again (not refused): the place was given back
        first!.Dispose();
        using var admitted = await next;
        Assert.NotNull(admitted);
    }
}
