using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Tests.Products;

public sealed class OpenApiTests
{
    [Theory]
    [InlineData("SetCustomerProduct")]
    [InlineData("SetPartnerProductVisibility")]
    [InlineData("GetMyMessages")]
    [InlineData("SendPartnerMessage")]
    [InlineData("StartImpersonation")]
    public void TheOpenApiDocument_DescribesTheEngagementRoutes(string operationId) =>
        Assert.Contains($"\"operationId\": \"{operationId}\"", OpenApiDocument.Json.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
}
