/****** Object:  Table [crm].[Account]    Script Date: 11/28/2026 09:12:44 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [crm].[Account](
	[AccountId] [uniqueidentifier] NOT NULL,
	[Name] [nvarchar](160) NOT NULL,
	[AccountNumber] [nvarchar](20) NULL,
	[OwnerId] [uniqueidentifier] NOT NULL,
	[ParentAccountId] [uniqueidentifier] NULL,
	[Revenue] [money] NULL,
	[CreatedOn] [datetime2](7) NOT NULL,
 CONSTRAINT [PK_Account] PRIMARY KEY CLUSTERED 
(
	[AccountId] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY],
 CONSTRAINT [UQ_Account_Number] UNIQUE NONCLUSTERED ([AccountNumber] ASC)
) ON [PRIMARY]
GO
CREATE TABLE [crm].[Contact](
	[ContactId] [uniqueidentifier] NOT NULL CONSTRAINT [DF_Contact_Id] DEFAULT (newsequentialid()),
	[AccountId] [uniqueidentifier] NULL,
	[FirstName] [nvarchar](50) NULL,
	[LastName] [nvarchar](50) NOT NULL,
	[EMailAddress1] [nvarchar](100) NULL,
	[FullName] AS (concat([FirstName], N' ', [LastName])) PERSISTED,
	[Description] [nvarchar](max) NULL,
 CONSTRAINT [PK_Contact] PRIMARY KEY CLUSTERED ([ContactId] ASC)
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
CREATE TABLE [crm].[Opportunity](
	[OpportunityId] [int] IDENTITY(1,1) NOT NULL,
	[AccountId] [uniqueidentifier] NOT NULL,
	[PrimaryContactId] [uniqueidentifier] NULL,
	[Name] [nvarchar](300) NOT NULL,
	[EstimatedValue] [decimal](19, 4) NULL,
	[StageCode] [tinyint] NOT NULL CONSTRAINT [CK_Opportunity_Stage] CHECK ([StageCode] BETWEEN 1 AND 7),
	[CloseDate] [date] NULL,
	PRIMARY KEY ([OpportunityId])
)
GO
CREATE TABLE [dbo].[SystemUser](
	[SystemUserId] [uniqueidentifier] NOT NULL PRIMARY KEY,
	[DomainName] [nvarchar](1024) NOT NULL,
	[InternalEMailAddress] [nvarchar](100) NULL
)
GO
ALTER TABLE [crm].[Account]  WITH CHECK ADD  CONSTRAINT [FK_Account_Owner] FOREIGN KEY([OwnerId])
REFERENCES [dbo].[SystemUser] ([SystemUserId])
GO
ALTER TABLE [crm].[Account] CHECK CONSTRAINT [FK_Account_Owner]
GO
ALTER TABLE [crm].[Account]  WITH NOCHECK ADD  CONSTRAINT [FK_Account_Parent] FOREIGN KEY([ParentAccountId])
REFERENCES [crm].[Account] ([AccountId])
GO
ALTER TABLE [crm].[Contact] ADD CONSTRAINT [FK_Contact_Account] FOREIGN KEY ([AccountId]) REFERENCES [crm].[Account] ([AccountId]) ON DELETE SET NULL
GO
ALTER TABLE [crm].[Opportunity] ADD CONSTRAINT [FK_Opportunity_Account] FOREIGN KEY ([AccountId]) REFERENCES [crm].[Account] ([AccountId]),
    CONSTRAINT [FK_Opportunity_Contact] FOREIGN KEY ([PrimaryContactId]) REFERENCES [crm].[Contact] ([ContactId])
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'A company or organisation the business deals with.' , @level0type=N'SCHEMA',@level0name=N'crm', @level1type=N'TABLE',@level1name=N'Account'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Estimated revenue in the account''s currency' , @level0type=N'SCHEMA',@level0name=N'crm', @level1type=N'TABLE',@level1name=N'Account', @level2type=N'COLUMN',@level2name=N'Revenue'
GO
