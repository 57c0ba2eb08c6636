namespace Kfp.Api.Http;

/// <summary>How to create one object and how to find it again: what <see cref="CreateResolver"/> needs.</summary>
/// <param name="Create">Sends the create (one attempt).</param>
/// <param name="Find">The object that holds the name (unique names) or the newest one with the name created since
/// the create began (repeatable names); null when there is none.</param>
/// <param name="Differences">How a found object differs from what the create asks for; empty = exactly it.</param>
/// <param name="IdOf">The found object's KFP ID.</param>
/// <param name="UniqueName">KFP refuses a second object with the name (409), so sending the create again is safe.</param>
/// <param name="ImportType">The Pulumi type to name in import advice, e.g. <c>kfp:index:Experiment</c>.</param>
internal sealed record CreatePlan<T>(
    Func<CancellationToken, Task<T>> Create,
    Func<CancellationToken, Task<T?>> Find,
    Func<T, IReadOnlyList<string>> Differences,
    Func<T, string> IdOf,
    bool UniqueName,
    string ImportType)
    where T : class;
