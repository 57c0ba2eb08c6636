using BenchmarkDotNet.Attributes;
using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Kfp.Compiler;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Benchmarks;

/// <summary>
/// Check through the real gRPC server: the provider served by its own host (Kestrel, HTTP/2 on loopback) and called with
/// the generated client over Grpc.Net.Client, as the engine calls it. An Experiment (the per-resource cost of a preview),
/// and a Pipeline whose source is a 1 MB spec already compiled (every Check after the first).
/// </summary>
[MemoryDiagnoser]
public class GrpcCheckBenchmarks
{
    private const string Stack = "urn:pulumi:bench::bench::";
    private string _folder = "";
    private ProviderHost _host = null!;
    private GrpcChannel _channel = null!;
    private ResourceProvider.ResourceProviderClient _client = null!;
    private CheckRequest _experiment = null!;
    private CheckRequest _pipeline = null!;
    private byte[] _pipelineBytes = null!;
    private Method<byte[], byte[]> _raw = null!;

    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("kfp-bench-grpc-").FullName;
        File.WriteAllText(Path.Combine(_folder, "large.json"), LargeSpec.Generate().PipelineSpec.ToJsonString());
        _host = ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new ProcessEnvironment(), _folder), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None).GetAwaiter().GetResult();
        _host.Ready.GetAwaiter().GetResult();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_host.Port}",
            new GrpcChannelOptions
            {
                MaxReceiveMessageSize = GrpcServer.MaxMessageSize, MaxSendMessageSize = GrpcServer.MaxMessageSize,
                HttpHandler = new SocketsHttpHandler { InitialHttp2StreamWindowSize = 16 * 1024 * 1024 },
            });
        _client = new ResourceProvider.ResourceProviderClient(_channel);
        _client.Handshake(new ProviderHandshakeRequest { EngineAddress = "127.0.0.1:1", ProgramDirectory = _folder, RootDirectory = _folder, ConfigureWithUrn = true });
        var args = Struct("host", "http://127.0.0.1:9", "version", Kfp.Provider.Schema.PackageInfo.Version);
        _client.Configure(new ConfigureRequest
        {
            Args = args, AcceptSecrets = true, AcceptResources = true, SendsOldInputs = true, SendsOldInputsToDelete = true,
            Id = "00000000-0000-0000-0000-000000000000", Urn = Stack + "pulumi:providers:kfp::default", Name = "default", Type = "pulumi:providers:kfp",
        });
        _experiment = Request("kfp:index:Experiment", "nightly", Struct("name", "nightly", "description", "a Check round trip"));
        _pipeline = Request("kfp:index:Pipeline", "large", Struct("name", "large-generated", "source", "large.json", "framework", BuiltInFrameworks.Ir));
        foreach (var request in new[] { _experiment, _pipeline })
        {
            var response = _client.Check(request);
            if (response.Failures.Count > 0)
            {
                throw new InvalidOperationException($"Check of {request.Type} failed: {response.Failures}");
            }
            // As in a preview after `up`: the engine sends the inputs Check answered last time as the old inputs.
            request.Olds = response.Inputs;
        }
        _pipelineBytes = _pipeline.ToByteArray();
        _raw = new Method<byte[], byte[]>(MethodType.Unary, ResourceProviderMethods.ServiceName, "Check", RawBytes, RawBytes);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel.Dispose();
        _host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>An Experiment's Check, client to client.</summary>
    [Benchmark]
    public int CheckExperiment() => _client.Check(_experiment).Failures.Count;

    /// <summary>
    /// A Pipeline's Check of a 1 MB spec compiled before, with last time's checked inputs (its 0.5 MB view) as the old
    /// inputs: read and hash the file, find the result, answer with the view. The client parses the answer into protobuf
    /// objects, as Grpc.Net.Client's generated code does.
    /// </summary>
    [Benchmark]
    public int CheckCachedLargePipeline() => _client.Check(_pipeline).Failures.Count;

    /// <summary>The same call with the answer kept as bytes: the round trip without the client's own decoding.</summary>
    [Benchmark]
    public int CheckCachedLargePipelineRawAnswer() => _channel.CreateCallInvoker().BlockingUnaryCall(_raw, null, new CallOptions(), _pipelineBytes).Length;

    /// <summary>
    /// The same Check without HTTP/2: the request's bytes read as the service's marshaller reads them, the provider's
    /// Check, the answer written as the marshaller writes it. What the plugin computes per call, apart from moving 1.1 MB
    /// through Kestrel.
    /// </summary>
    [Benchmark]
    public int CheckCachedLargePipelineWithoutTransport()
    {
        var request = StructMessages.Read(CheckRequest.Parser, new ReadOnlySequence<byte>(_pipelineBytes), [CheckRequest.OldsFieldNumber, CheckRequest.NewsFieldNumber]);
        var result = _host.Provider.CheckAsync(new ResourceCheck(new ResourceAddress(request.Urn, request.Type, request.Name),
            request.Map(CheckRequest.OldsFieldNumber, request.Olds), request.Map(CheckRequest.NewsFieldNumber, request.News), request.RandomSeed.Memory),
            CancellationToken.None).GetAwaiter().GetResult();
        var answer = new Buffer();
        StructMessages.Write(new CheckResponse().Carrying(CheckResponse.InputsFieldNumber, result.Inputs), answer);
        return answer.Written;
    }

    /// <summary>Counts what the marshaller writes and keeps none of it (the transport's buffers are pooled).</summary>
    private sealed class Buffer : SerializationContext, IBufferWriter<byte>
    {
        private readonly byte[] _chunk = new byte[64 * 1024];

        public int Written { get; private set; }

        public override void SetPayloadLength(int payloadLength)
        {
        }

        public override IBufferWriter<byte> GetBufferWriter() => this;

        public override void Complete()
        {
        }

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => _chunk;

        public Span<byte> GetSpan(int sizeHint = 0) => _chunk;
    }

    private static CheckRequest Request(string type, string name, Struct news) => new()
    {
        Urn = $"{Stack}{type}::{name}", Name = name, Type = type, Olds = new Struct(), News = news,
    };

    private static Struct Struct(params string[] pairs)
    {
        var result = new Struct();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            result.Fields[pairs[i]] = Value.ForString(pairs[i + 1]);
        }

        return result;
    }
}
