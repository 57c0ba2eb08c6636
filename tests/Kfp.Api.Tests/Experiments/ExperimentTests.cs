using Kfp.Api.Filtering;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Experiments;

public sealed class ExperimentTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task CreateExperiment_ReturnsStoredExperiment()
    {
        using var client = emulator.Client();
        var name = Unique("exp");

        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(name) { Description = "nightly runs" }, CancellationToken.None);

        Assert.NotEmpty(created.ExperimentId);
        Assert.Equal(name, created.DisplayName);
        Assert.Equal("nightly runs", created.Description);
        Assert.Equal(StorageState.Available, created.StorageState);
        Assert.NotNull(created.CreatedAt);
        Assert.Null(created.LastRunCreatedAt);
        Assert.Equal("", created.Namespace);
    }

    [Fact]
    public async Task CreateExperiment_DuplicateName_ThrowsAlreadyExists()
    {
        using var client = emulator.Client();
        var name = Unique("dup");
        await client.CreateExperimentAsync(new CreateExperimentRequest(name), CancellationToken.None);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateExperimentAsync(new CreateExperimentRequest(name), CancellationToken.None));

        Assert.True(e.IsAlreadyExists);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, e.StatusCode);
        Assert.Equal(6, e.GrpcCode);
        Assert.Equal($"Failed to create a new experiment. The name {name} already exists. Please specify a new name", e.ServerMessage);
        Assert.Contains($"create experiment '{name}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExperiment_Existing_ReturnsIt()
    {
        using var client = emulator.Client();
        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(Unique("get")), CancellationToken.None);

        var read = await client.GetExperimentAsync(created.ExperimentId, CancellationToken.None);

        Assert.Equal(created, read);
    }

    [Fact]
    public async Task GetExperiment_Unknown_ThrowsNotFound()
    {
        using var client = emulator.Client();
        var id = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync(id, CancellationToken.None));

        Assert.True(e.IsNotFound);
        Assert.Equal($"Experiment {id} not found", e.ServerMessage);
        Assert.Equal(id, e.Subject);
    }

    [Fact]
    public async Task FindExperiment_ByDisplayName_ReturnsOnlyThatOne()
    {
        using var client = emulator.Client();
        var name = Unique("find");
        await client.CreateExperimentAsync(new CreateExperimentRequest(name + "-other"), CancellationToken.None);
        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(name), CancellationToken.None);

        var found = await client.FindExperimentAsync(name, null, CancellationToken.None);
        var missing = await client.FindExperimentAsync(Unique("none"), null, CancellationToken.None);

        Assert.Equal(created.ExperimentId, found?.ExperimentId);
        Assert.Null(missing);
    }

    [Fact]
    public async Task ListExperiments_PageSizeTwo_WalksAllPagesInOrder()
    {
        using var client = emulator.Client();
        var prefix = Unique("page");
        for (var i = 0; i < 5; i++)
        {
            await client.CreateExperimentAsync(new CreateExperimentRequest($"{prefix}-{i}"), CancellationToken.None);
        }
        var options = new KfpListOptions
        {
            PageSize = 2,
            Filter = KfpFilter.Where(KfpPredicate.Substring("display_name", prefix)),
            SortBy = KfpSort.Desc("display_name"),
        };

        var names = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await client.ListExperimentsAsync(options with { PageToken = token }, CancellationToken.None);
            Assert.Equal(5, page.TotalSize);
            names.AddRange(page.Items.Select(e => e.DisplayName));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(i => $"{prefix}-{i}"), names);
    }

    [Fact]
    public async Task ListExperiments_NoMatch_ReturnsEmptyPage()
    {
        using var client = emulator.Client();

        var page = await client.ListExperimentsAsync(new KfpListOptions { Filter = KfpFilter.Equal("display_name", Unique("none")) }, CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalSize);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task ListExperiments_UnknownSortField_ThrowsInvalidArgument()
    {
        using var client = emulator.Client();

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.ListExperimentsAsync(new KfpListOptions { SortBy = KfpSort.Ascending("color") }, CancellationToken.None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public async Task DeleteExperiment_Existing_RemovesIt()
    {
        using var client = emulator.Client();
        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(Unique("del")), CancellationToken.None);

        await client.DeleteExperimentAsync(created.ExperimentId, CancellationToken.None);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync(created.ExperimentId, CancellationToken.None));
        Assert.True(e.IsNotFound);
    }

    [Fact]
    public async Task DeleteExperiment_Unknown_ThrowsNotFound()
    {
        using var client = emulator.Client();

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.DeleteExperimentAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.True(e.IsNotFound);
    }

    [Fact]
    public async Task DeleteExperiment_Default_ThrowsAborted()
    {
        using var client = emulator.Client();
        var defaultExperiment = await client.FindExperimentAsync("Default", null, CancellationToken.None);
        Assert.NotNull(defaultExperiment);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.DeleteExperimentAsync(defaultExperiment.ExperimentId, CancellationToken.None));

        Assert.Equal(KfpErrorKind.Aborted, e.Kind);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, e.StatusCode);
    }

    [Fact]
    public async Task ArchiveExperiment_ThenUnarchive_TogglesStorageState()
    {
        using var client = emulator.Client();
        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(Unique("arch")), CancellationToken.None);

        await client.ArchiveExperimentAsync(created.ExperimentId, CancellationToken.None);
        var archived = await client.GetExperimentAsync(created.ExperimentId, CancellationToken.None);
        await client.UnarchiveExperimentAsync(created.ExperimentId, CancellationToken.None);
        var restored = await client.GetExperimentAsync(created.ExperimentId, CancellationToken.None);

        Assert.Equal(StorageState.Archived, archived.StorageState);
        Assert.Equal(StorageState.Available, restored.StorageState);
    }
}
