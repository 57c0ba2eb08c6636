using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Kfp.Provider.Protocol.Wire;
using Type = System.Type;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Binds the <c>pulumirpc.ResourceProvider</c> methods of <see cref="ResourceProviderService"/> for Grpc.AspNetCore
/// without the generated <c>BindService</c>. Grpc.AspNetCore finds the generated binder by reflection, and it registers
/// each method through <c>ServiceBinderBase.AddMethod&lt;TRequest, TResponse&gt;</c>, a generic virtual method: NativeAOT
/// resolves each of its 21 instantiations at run time by walking the image's tables, about 27 ms of CPU at every start
/// (measured with perf). Here each method is registered through a non-virtual generic call compiled ahead of time.
/// A test checks the table against the generated service descriptor, so it cannot drift from the .proto file.
/// </summary>
internal sealed class ResourceProviderMethods : IServiceMethodProvider<ResourceProviderService>
{
    /// <summary>The service's full name (a constant: reading the generated descriptor would build all of protobuf reflection at start).</summary>
    internal const string ServiceName = "pulumirpc.ResourceProvider";

    private static readonly Method[] Methods =
    [
        new Unary<ProviderHandshakeRequest, ProviderHandshakeResponse>("Handshake", (s, r, c) => s.Handshake(r, c)),
        new Unary<ParameterizeRequest, ParameterizeResponse>("Parameterize", (s, r, c) => s.Parameterize(r, c)),
        new Unary<GetSchemaRequest, GetSchemaResponse>("GetSchema", (s, r, c) => s.GetSchema(r, c)),
        new Unary<CheckRequest, CheckResponse>("CheckConfig", (s, r, c) => s.CheckConfig(r, c), Carried<CheckRequest>.Instance, Carried<CheckResponse>.Instance),
        new Unary<DiffRequest, DiffResponse>("DiffConfig", (s, r, c) => s.DiffConfig(r, c), Carried<DiffRequest>.Instance),
        new Unary<ConfigureRequest, ConfigureResponse>("Configure", (s, r, c) => s.Configure(r, c)),
        new Unary<InvokeRequest, InvokeResponse>("Invoke", (s, r, c) => s.Invoke(r, c)),
        new Unary<CallRequest, CallResponse>("Call", (s, r, c) => s.Call(r, c)),
        new Unary<CheckRequest, CheckResponse>("Check", (s, r, c) => s.Check(r, c), Carried<CheckRequest>.Instance, Carried<CheckResponse>.Instance),
        new Unary<DiffRequest, DiffResponse>("Diff", (s, r, c) => s.Diff(r, c), Carried<DiffRequest>.Instance),
        new Unary<CreateRequest, CreateResponse>("Create", (s, r, c) => s.Create(r, c), Carried<CreateRequest>.Instance, Carried<CreateResponse>.Instance),
        new Unary<ReadRequest, ReadResponse>("Read", (s, r, c) => s.Read(r, c), Carried<ReadRequest>.Instance, Carried<ReadResponse>.Instance),
        new ServerStreaming<ListRequest, ListResponse>("List", (s, r, w, c) => s.List(r, w, c)),
        new Unary<UpdateRequest, UpdateResponse>("Update", (s, r, c) => s.Update(r, c), Carried<UpdateRequest>.Instance, Carried<UpdateResponse>.Instance),
        new Unary<DeleteRequest, Empty>("Delete", (s, r, c) => s.Delete(r, c), Carried<DeleteRequest>.Instance),
        new Unary<ConstructRequest, ConstructResponse>("Construct", (s, r, c) => s.Construct(r, c)),
        new Unary<Empty, Empty>("Cancel", (s, r, c) => s.Cancel(r, c)),
        new Unary<Empty, PluginInfo>("GetPluginInfo", (s, r, c) => s.GetPluginInfo(r, c)),
        new Unary<PluginAttach, Empty>("Attach", (s, r, c) => s.Attach(r, c)),
        new Unary<GetMappingRequest, GetMappingResponse>("GetMapping", (s, r, c) => s.GetMapping(r, c)),
        new Unary<GetMappingsRequest, GetMappingsResponse>("GetMappings", (s, r, c) => s.GetMappings(r, c)),
    ];

    /// <summary>Every method bound here: its name and its request and response types.</summary>
    internal static IEnumerable<(string Name, Type Request, Type Response)> Signatures =>
        Methods.Select(m => (m.Name, m.Request, m.Response));

    /// <summary>The methods bound as server streaming.</summary>
    internal static IEnumerable<string> StreamingNames =>
        Methods.Where(m => m.Streaming).Select(m => m.Name);

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ResourceProviderService> context)
    {
        foreach (var method in Methods)
        {
            method.Register(context);
        }
    }

    private abstract class Method(string name, Type request, Type response, bool streaming = false)
    {
        public bool Streaming { get; } = streaming;

        public string Name { get; } = name;

        public Type Request { get; } = request;

        public Type Response { get; } = response;

        public abstract void Register(ServiceMethodProviderContext<ResourceProviderService> context);
    }

    private sealed class Unary<TRequest, TResponse>(
        string name, UnaryServerMethod<ResourceProviderService, TRequest, TResponse> invoker,
        Marshaller<TRequest>? requests = null, Marshaller<TResponse>? responses = null)
        : Method(name, typeof(TRequest), typeof(TResponse))
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        public override void Register(ServiceMethodProviderContext<ResourceProviderService> context) =>
            context.AddUnaryMethod(
                new Method<TRequest, TResponse>(MethodType.Unary, ServiceName, Name,
                    requests ?? Marshal<TRequest>.Instance, responses ?? Marshal<TResponse>.Instance),
                [], invoker);
    }

    private sealed class ServerStreaming<TRequest, TResponse>(
        string name, ServerStreamingServerMethod<ResourceProviderService, TRequest, TResponse> invoker)
        : Method(name, typeof(TRequest), typeof(TResponse), streaming: true)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        public override void Register(ServiceMethodProviderContext<ResourceProviderService> context) =>
            context.AddServerStreamingMethod(
                new Method<TRequest, TResponse>(MethodType.ServerStreaming, ServiceName, Name, Marshal<TRequest>.Instance, Marshal<TResponse>.Instance),
                [], invoker);
    }

    /// <summary>Protobuf messages straight to and from the call's buffers, as the generated marshallers do.</summary>
    private static class Marshal<T>
        where T : class, IMessage<T>, new()
    {
        private static readonly MessageParser<T> Parser = new(() => new T());

        public static readonly Marshaller<T> Instance = Marshallers.Create<T>(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => Parser.ParseFrom(context.PayloadAsReadOnlySequence()));
    }

    /// <summary>Messages whose resource properties travel as property maps (<see cref="IStructCarrier"/>, <see cref="StructMessages"/>).</summary>
    private static class Carried<T>
        where T : class, IMessage<T>, IStructCarrier, new()
    {
        private static readonly MessageParser<T> Parser = new(() => new T());
        private static readonly int[] Fields = new T().StructFieldNumbers.ToArray();

        public static readonly Marshaller<T> Instance = Marshallers.Create<T>(
            StructMessages.Write, context => StructMessages.Read(Parser, context.PayloadAsReadOnlySequence(), Fields));
    }
}
