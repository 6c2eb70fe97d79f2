namespace FriendshipGate.Simulation.Tests;

public sealed class WaitingLineTests
{
    [Fact]
    public void KeepsFirstComeFirstServed_WhileWrappingAndGrowing()
    {
        var line = new WaitingLine(initialCapacity: 4);
        var expected = new Queue<long>();
        var random = new RandomStream(6);
        long next = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (line.Count > 0 && random.NextInt64(5) < 2)
                Assert.Equal(expected.Dequeue(), line.Dequeue());
            else
            {
                line.Enqueue(next);
                expected.Enqueue(next++);
            }
            Assert.Equal(expected.Count, line.Count);
        }
    }

    [Fact]
    public void Dequeue_FromAnEmptyLine_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new WaitingLine().Dequeue());
}
