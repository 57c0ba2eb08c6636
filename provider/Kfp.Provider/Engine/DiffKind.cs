namespace Kfp.Provider.Engine;

/// <summary>How one property changes (mirrors the wire's PropertyDiff.Kind).</summary>
internal enum DiffKind
{
    Add,
    AddReplace,
    Delete,
    DeleteReplace,
    Update,
    UpdateReplace,
}
