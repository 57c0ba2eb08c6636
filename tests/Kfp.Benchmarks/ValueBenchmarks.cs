using BenchmarkDotNet.Attributes;
using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Benchmarks;

/// <summary>Every RPC converts property bags and most diff them: these run once per resource per call.</summary>
[MemoryDiagnoser]
public class ValueBenchmarks
{
    private Struct _wire = null!;
    private PropertyMap _olds = null!;
    private PropertyMap _news = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parameters = PropertyMap.From(Enumerable.Range(0, 50).Select(i => KeyValuePair.Create($"p{i}", PropertyValue.Of($"value-{i}"))));
        _olds = PropertyMap.Empty
            .With("name", PropertyValue.Of("nightly-training"))
            .With("source", PropertyValue.Of("pipelines/train.yaml"))
            .With("specHash", PropertyValue.Of("sha256:" + new string('a', 64)))
            .With("frameworkParameters", PropertyValue.Of(parameters))
            .With("imagePullSecrets", PropertyValue.MakeSecret(PropertyValue.Of([PropertyValue.Of("regcred")])));
        _news = _olds.With("specHash", PropertyValue.Of("sha256:" + new string('b', 64)));
        _wire = PropertyValueCodec.ToStruct(_olds);
    }

    [Benchmark]
    public PropertyMap DecodeStruct() => PropertyValueCodec.FromStruct(_wire);

    [Benchmark]
    public Struct EncodeStruct() => PropertyValueCodec.ToStruct(_olds);

    [Benchmark]
    public bool DiffPipeline() => Differ.Diff(KfpPackage.Catalog.Resources.Single(r => r.Token == "kfp:index:Pipeline"),
        new DiffContext(new ResourceIdentity("urn:pulumi:dev::p::kfp:index:Pipeline::train", "train"), "id", _olds, _olds, _news),
        new LiveState.NotRead(null)).HasChanges;
}
