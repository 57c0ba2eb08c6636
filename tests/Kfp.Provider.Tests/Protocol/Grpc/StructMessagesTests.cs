using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using Value = Google.Protobuf.WellKnownTypes.Value;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>The carried-Struct marshalling against the generated protobuf code on the other side of the wire.</summary>
public sealed class StructMessagesTests
{
    [Fact]
    public void Read_CheckRequest_CarriesTheStructsAndParsesTheRest()
    {
        var olds = new Struct { Fields = { ["name"] = Value.ForString("a"), ["tasks"] = Value.ForList(Value.ForString("t")) } };
        var request = new CheckRequest { Urn = "urn:x", Type = "kfp:index:Pipeline", Name = "p", Olds = olds, News = new Struct(), RandomSeed = ByteString.CopyFromUtf8("seed") };
        // A second occurrence of olds: protobuf merges it into the first (later keys win).
        var bytes = request.ToByteArray().Concat(new CheckRequest { Olds = new Struct { Fields = { ["name"] = Value.ForString("b") } } }.ToByteArray()).ToArray();

        var read = StructMessages.Read(CheckRequest.Parser, new ReadOnlySequence<byte>(bytes), [CheckRequest.OldsFieldNumber, CheckRequest.NewsFieldNumber]);

        Assert.Equal(("urn:x", "kfp:index:Pipeline", "p", "seed"), (read.Urn, read.Type, read.Name, read.RandomSeed.ToStringUtf8()));
        Assert.Null(read.Olds);
        var carried = read.Map(CheckRequest.OldsFieldNumber, null);
        Assert.Equal("b", Assert.IsType<Kfp.Provider.Protocol.Values.StringValue>(carried["name"]).Value);
        Assert.IsType<ArrayValue>(carried["tasks"]);
        Assert.Empty(read.Map(CheckRequest.NewsFieldNumber, null));
    }

    [Fact]
    public void Write_CheckResponse_IsReadByTheGeneratedParser()
    {
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of("p")).With("secret", PropertyValue.MakeSecret(PropertyValue.Of("pw")));
        var response = new CheckResponse().Carrying(CheckResponse.InputsFieldNumber, inputs);
        response.Failures.Add(new Kfp.Provider.Protocol.Wire.CheckFailure { Property = "source", Reason = "missing" });
        var context = new BufferContext();

        StructMessages.Write(response, context);

        var parsed = CheckResponse.Parser.ParseFrom(context.Written);
        Assert.Equal(PropertyValueCodec.ToStruct(inputs), parsed.Inputs);
        Assert.Equal("missing", Assert.Single(parsed.Failures).Reason);
        Assert.Equal(context.Length, context.Written.Length);
    }

    private sealed class BufferContext : SerializationContext
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public int Length { get; private set; } = -1;

        public byte[] Written => _buffer.WrittenSpan.ToArray();

        public override void SetPayloadLength(int payloadLength) => Length = payloadLength;

        public override IBufferWriter<byte> GetBufferWriter() => _buffer;

        public override void Complete()
        {
        }
    }
}
