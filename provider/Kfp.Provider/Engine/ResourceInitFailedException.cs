using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// The object was created (or updated) but did not finish initialising. The engine keeps it in state with
/// these outputs, so nothing is lost; the next <c>up</c> continues with an Update.
/// </summary>
internal sealed class ResourceInitFailedException : Exception
{
    public ResourceInitFailedException(string id, PropertyMap outputs, IReadOnlyList<string> reasons, PropertyMap? inputs = null)
        : base(string.Join("; ", reasons))
    {
        Id = id;
        Outputs = outputs;
        Reasons = reasons;
        Inputs = inputs;
    }

    public string Id { get; }

    public PropertyMap Outputs { get; }

    public IReadOnlyList<string> Reasons { get; }

    public PropertyMap? Inputs { get; }
}
