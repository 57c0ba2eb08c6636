using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// The components the definition format provides itself: kfp-kubernetes' <c>CreatePVC</c> and <c>DeletePVC</c>,
/// with the extension's exact interface and descriptions (KFP's driver runs them; the images are stubs),
/// so that a pipeline using them compiles to what <c>kubernetes.CreatePVC</c> / <c>DeletePVC</c> compile to.
/// </summary>
internal static class BuiltInComponents
{
    public const string CreatePvc = "createpvc";
    public const string DeletePvc = "deletepvc";

    private static readonly Lazy<IReadOnlyDictionary<string, ComponentDefinition>> Components = new(Load);

    public static ComponentDefinition Get(string name) => Components.Value[name];

    private static Dictionary<string, ComponentDefinition> Load()
    {
        var problems = new ProblemSink();
        var reader = new Reader(problems);
        var result = new Dictionary<string, ComponentDefinition>(StringComparer.Ordinal);
        foreach (var (name, node) in (JsonObject)KfpYaml.LoadAll(Text)[0]!)
        {
            result[name] = ComponentParser.Parse(reader, name, node, $"kubernetes.{name}")!;
        }

        return problems.Count == 0
            ? result
            : throw new InvalidOperationException("the built-in components do not parse: " + string.Join("; ", problems.ToImmutable()));
    }

    // kfp-kubernetes 2.x kfp/kubernetes/volume.py (CreatePVC, DeletePVC), as the KFP SDK compiles them.
    private const string Text = """
        createpvc:
          image: argostub/createpvc
          inputs:
            access_modes:
              type: list
              description: Values for ``PersistentVolumeClaim.spec.accessModes``.
            annotations:
              type: struct
              optional: true
              description: 'Annotations for the PVC''s metadata. Corresponds to

                `PersistentVolumeClaim.metadata.annotations

                <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaim>`_.'
            data_source:
              type: struct
              optional: true
              description: 'Specifies the data source for the PVC. This can be used to

                create a PVC from a VolumeSnapshot or to clone an existing PVC.

                Should be a dictionary with ``''apiGroup''``, ``''kind''``, and

                ``''name''`` keys. For example:

                ``{''apiGroup'': ''snapshot.storage.k8s.io'', ''kind'': ''VolumeSnapshot'', ''name'': ''my-snapshot''}``.

                Corresponds to `PersistentVolumeClaim.spec.dataSource

                <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec>`_.'
            pvc_name:
              type: string
              optional: true
              description: 'Name of the PVC. Corresponds to

                `PersistentVolumeClaim.metadata.name

                <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaim>`_.

                Only one of ``pvc_name`` and ``pvc_name_suffix`` can be provided.'
            pvc_name_suffix:
              type: string
              optional: true
              description: 'Prefix to use for a dynamically generated name, which

                will take the form ``<argo-workflow-name>-<pvc_name_suffix>``. Only

                one of ``pvc_name`` and ``pvc_name_suffix`` can be provided.'
            size:
              type: string
              description: 'The size of storage requested by the PVC that will be

                provisioned. For example, ``''5Gi''``. Corresponds to

                `PersistentVolumeClaim.spec.resources.requests.storage

                <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec>`_.'
            storage_class_name:
              type: string
              default: ''
              description: 'Name of StorageClass from which to provision the PV

                to back the PVC. ``None`` indicates to use the cluster''s default

                storage_class_name. Set to ``''''`` for a statically specified PVC.'
            volume_name:
              type: string
              optional: true
              description: 'Pre-existing PersistentVolume that should back the

                provisioned PersistentVolumeClaim. Used for statically

                specified PV only. Corresponds to

                `PersistentVolumeClaim.spec.volumeName

                <https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec>`_.'
          outputs:
            name: string
        deletepvc:
          image: argostub/deletepvc
          inputs:
            pvc_name:
              type: string
              description: Name of the PVC to delete. Supports passing a runtime-generated name, such as a name
                provided by ``kubernetes.CreatePvcOp().outputs['name']``.
        """;
}
