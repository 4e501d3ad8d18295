using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Products;

namespace CustomerFunctions.Tests.Products;

/// <summary>The account stage, exactly as the reference defines it.</summary>
public sealed class StageRulesTests
{
    [Theory]
    [InlineData]
    [InlineData(ProductStatus.NotActivated)]
    [InlineData(ProductStatus.NotActivated, ProductStatus.NotActivated)]
    public void NoProductUsed_IsPreparation(params ProductStatus[] statuses) =>
        Assert.Equal(AccountStage.Preparation, StageRules.Derive(accountDeleted: false, statuses));

    [Theory]
    [InlineData(ProductStatus.Trial)]
    [InlineData(ProductStatus.Trial, ProductStatus.NotActivated)]
    [InlineData(ProductStatus.Trial, ProductStatus.Paused)]
    [InlineData(ProductStatus.Deleted, ProductStatus.TrialEnd, ProductStatus.Trial)]
    public void ATrialAndNoActive_IsTrial(params ProductStatus[] statuses) =>
        Assert.Equal(AccountStage.Trial, StageRules.Derive(accountDeleted: false, statuses));

    [Theory]
    [InlineData(ProductStatus.Active)]
    [InlineData(ProductStatus.Active, ProductStatus.Trial)]
    [InlineData(ProductStatus.Paused, ProductStatus.Deleted, ProductStatus.Active)]
    [InlineData(ProductStatus.Active, ProductStatus.TrialEnd, ProductStatus.NotActivated)]
    public void AnyActive_IsActive(params ProductStatus[] statuses) =>
        Assert.Equal(AccountStage.Active, StageRules.Derive(accountDeleted: false, statuses));

    [Theory]
    [InlineData(ProductStatus.Deleted)]
    [InlineData(ProductStatus.TrialEnd)]
    [InlineData(ProductStatus.Paused)]
    [InlineData(ProductStatus.Paused, ProductStatus.NotActivated)]
    [InlineData(ProductStatus.Deleted, ProductStatus.TrialEnd, ProductStatus.Paused)]
    public void DeletedTrialEndOrPaused_WithoutActiveOrTrial_IsTrialEnd(params ProductStatus[] statuses) =>
        Assert.Equal(AccountStage.TrialEnd, StageRules.Derive(accountDeleted: false, statuses));

    [Theory]
    [InlineData]
    [InlineData(ProductStatus.Active)]
    [InlineData(ProductStatus.Trial, ProductStatus.Paused)]
    public void ADeletedAccount_IsDeleted_WhateverItsProducts(params ProductStatus[] statuses) =>
        Assert.Equal(AccountStage.Deleted, StageRules.Derive(accountDeleted: true, statuses));

    [Fact]
    public void CustomVisibility_WinsOverThePartners_AndWithoutEitherAProductIsHidden()
    {
        Assert.Equal((true, VisibilitySource.Inherited), CustomerProduct.Unset("p").EffectiveVisibility(partnerGlobal: true));
        Assert.Equal((false, VisibilitySource.Inherited), CustomerProduct.Unset("p").EffectiveVisibility(partnerGlobal: null));
        Assert.Equal((false, VisibilitySource.Custom), (CustomerProduct.Unset("p") with { Visible = false }).EffectiveVisibility(partnerGlobal: true));
        Assert.Equal((true, VisibilitySource.Custom), (CustomerProduct.Unset("p") with { Visible = true }).EffectiveVisibility(partnerGlobal: false));
    }
}
