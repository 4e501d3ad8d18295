using System.Text.Json;
using CustomerFunctions.Core.Api;
using CustomerFunctions.Core.Hosting;

namespace CustomerFunctions.Tests.Contract;

/// <summary>
/// Request bodies require no field in the document: the API checks what it needs itself (a <c>validation</c> problem),
/// and a merge patch (PATCH, or a PUT of settings) takes any subset, so generated types must not demand every field.
/// </summary>
public sealed class OpenApiRequestBodies
{
    private static readonly JsonElement Schemas = JsonDocument.Parse(OpenApiDocument.Json).RootElement.GetProperty("components").GetProperty("schemas");

    [Fact]
    public void NoRequestBody_RequiresAField()
    {
        var bodies = ApiRoutes.All.Where(r => r.BodyType is not null).Select(r => r.BodyType!.Name).Distinct().ToList();
        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.False(Schemas.GetProperty(body).TryGetProperty("required", out _), body + " lists required fields"));
    }

    [Theory]
    [InlineData("UpdateCustomer", "UpdateCustomerBody")]
    [InlineData("UpdateMember", "UpdateMemberBody")]
    [InlineData("UpdateSettings", "UpdateSettingsBody")]
    [InlineData("SetCustomerProduct", "SetCustomerProductBody")]
    public void PartialBodies_HaveOnlyOptionalProperties(string operation, string body)
    {
        Assert.Equal(body, ApiRoutes.All.Single(r => r.Name == operation).BodyType!.Name);
        var schema = Schemas.GetProperty(body);
        Assert.True(schema.GetProperty("properties").EnumerateObject().Any());
        Assert.False(schema.TryGetProperty("required", out _));
    }
}
