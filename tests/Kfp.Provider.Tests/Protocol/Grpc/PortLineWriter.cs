using System.Text;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>A stdout stand-in that records everything and completes <see cref="FirstLine"/> at the first newline.</summary>
internal sealed class PortLineWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public TaskCompletionSource<string> FirstLine { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            if (value == '\n')
            {
                FirstLine.TrySetResult(_text.ToString());
            }
        }
    }
}
