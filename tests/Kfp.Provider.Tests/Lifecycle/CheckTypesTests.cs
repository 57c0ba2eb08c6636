using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>Every input of every resource is type-checked from its definition, through the real Check RPC.</summary>
public sealed class CheckTypesTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    public static TheoryData<string, string> TypedInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var resource in KfpPackage.Catalog.Resources)
        {
            foreach (var input in resource.Inputs.Where(i => i.Type is PropertyType.String or PropertyType.Integer or PropertyType.Boolean
                         or PropertyType.StringList or PropertyType.StringMap))
            {
                data.Add(resource.Token, input.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TypedInputs))]
    public async Task Check_ValueOfTheWrongType_FailsOnThatProperty(string token, string property)
    {
        var spec = KfpPackage.Catalog.Resources.Single(r => r.Token == token).Inputs.Single(i => i.Name == property);
        // A list where a scalar or map is expected; a map where a list is expected.
        var wrong = spec.Type == PropertyType.StringList
            ? PropertyValue.Of(PropertyMap.Empty.With("k", PropertyValue.Of("v")))
            : PropertyValue.Of([PropertyValue.Of("x")]);

        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::p::{token}::typed", PropertyMap.Empty, PropertyMap.Empty.With(property, wrong));

        var failure = Assert.Single(check.Failures, f => f.Property == property);
        Assert.Contains("expected", failure.Reason, StringComparison.Ordinal);
    }
}
