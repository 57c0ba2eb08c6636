using Kfp.Api;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;
using Kfp.Emulator;

namespace Kfp.Emulator.Tests.Emulator;

public sealed class StateDirTests
{
    [Fact]
    public async Task Restart_SameStateDir_KeepsEverything()
    {
        var dir = Directory.CreateTempSubdirectory("kfp-state-").FullName;
        try
        {
            string experimentId, pipelineId, versionId;
            await using (var first = await EmulatorHost.StartAsync(new EmulatorOptions { StateDir = dir }))
            {
                using var client = new KfpClient(new KfpClientOptions { BaseAddress = first.KfpUrl, Handler = new SchemaCheckingHandler(new SocketsHttpHandler()) });
                experimentId = (await client.CreateExperimentAsync(new CreateExperimentRequest("kept"), CancellationToken.None)).ExperimentId;
                var pipeline = await client.UploadPipelineAsync(new UploadPipelineRequest("kept", Samples.HelloWorld), CancellationToken.None);
                pipelineId = pipeline.PipelineId;
                versionId = (await client.ListPipelineVersionsAsync(pipelineId, new KfpListOptions(), CancellationToken.None)).Items[0].PipelineVersionId;
            }

            await using var second = await EmulatorHost.StartAsync(new EmulatorOptions { StateDir = dir });
            using var again = new KfpClient(new KfpClientOptions { BaseAddress = second.KfpUrl, Handler = new SchemaCheckingHandler(new SocketsHttpHandler()) });

            Assert.Equal("kept", (await again.GetExperimentAsync(experimentId, CancellationToken.None)).DisplayName);
            var version = await again.GetPipelineVersionAsync(pipelineId, versionId, CancellationToken.None);
            Assert.Equal(Samples.CanonicalYaml(Samples.HelloWorld), Samples.CanonicalJson(version.PipelineSpec!.Value));
            var defaults = await again.ListExperimentsAsync(new KfpListOptions { Filter = global::Kfp.Api.Filtering.KfpFilter.Equal("display_name", "Default") }, CancellationToken.None);
            Assert.Equal(1, defaults.TotalSize);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
