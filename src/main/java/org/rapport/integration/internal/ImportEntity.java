package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.integration.internal.FieldSpec.Type;
import org.rapport.shared.MatchBy;

/**
 * The kinds of record a file may be imported into, each with the fields a column may be mapped to.
 */
public enum ImportEntity {

	ACCOUNTS("accounts", "account", List.of(
			FieldSpec.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
			FieldSpec.required("name", 200, "Account", "Account Name", "Company", "Company Name", "名称", "客户",
					"客户名称", "公司", "公司名称"),
			FieldSpec.choice("type", names(AccountType.values()), "Type", "Account Type", "类型"),
			FieldSpec.choice("industry", names(Industry.values()), "Industry", "行业"),
			FieldSpec.of("website", Type.WEBSITE, "Website", "Web", "URL", "Domain", "网站", "网址", "域名"),
			FieldSpec.of("phone", Type.PHONE, "Phone", "Telephone", "Tel", "电话", "联系电话"),
			FieldSpec.of("email", Type.EMAIL, "E-mail", "Email Address", "Mail", "邮箱", "电子邮件", "电子邮箱", "邮件"),
			FieldSpec.text("street", 200, "Street", "Address", "Billing Street", "billing_street", "街道", "地址"),
			FieldSpec.text("city", 100, "City", "Billing City", "billing_city", "城市"),
			FieldSpec.text("postalCode", 20, "Postal Code", "ZIP", "Postcode", "billing_postal_code", "邮编",
					"邮政编码"),
			FieldSpec.text("region", 100, "Region", "State", "Province", "billing_region", "省份", "地区", "省"),
			FieldSpec.text("country", 100, "Country", "billing_country", "国家"),
			FieldSpec.choice("lifecycleStage", names(LifecycleStage.values()), "Lifecycle Stage", "Stage",
					"生命周期阶段", "阶段"),
			FieldSpec.choice("source", names(AccountSource.values()), "Source", "Lead Source", "来源"),
			FieldSpec.text("description", 4000, "Description", "Notes", "描述", "备注"),
			FieldSpec.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者")),
			List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME)),

	CONTACTS("contacts", "contact", List.of(
			FieldSpec.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
			FieldSpec.text("firstName", 100, "First Name", "Given Name", "Forename", "名", "名字"),
			FieldSpec.required("lastName", 100, "Last Name", "Surname", "Family Name", "姓", "姓氏"),
			FieldSpec.text("title", 100, "Title", "Job Title", "Position", "职位", "职务", "头衔"),
			FieldSpec.of("email", Type.EMAIL, "E-mail", "Email Address", "Mail", "邮箱", "电子邮件", "电子邮箱", "邮件"),
			FieldSpec.of("phone", Type.PHONE, "Phone", "Telephone", "Mobile", "Tel", "电话", "手机", "手机号", "联系电话"),
			FieldSpec.of("account", Type.ACCOUNT, "Account", "Account Name", "Company", "Company Name", "Organization",
					"公司", "客户", "客户名称", "公司名称"),
			FieldSpec.of("accountExternalId", Type.ACCOUNT_EXTERNAL_ID, "Account External ID", "account_external_id",
					"客户外部编号"),
			FieldSpec.text("street", 200, "Street", "Address", "街道", "地址"),
			FieldSpec.text("city", 100, "City", "城市"),
			FieldSpec.text("postalCode", 20, "Postal Code", "ZIP", "Postcode", "邮编", "邮政编码"),
			FieldSpec.text("region", 100, "Region", "State", "Province", "省份", "地区", "省"),
			FieldSpec.text("country", 100, "Country", "国家"),
			FieldSpec.of("doNotContact", Type.BOOLEAN, "Do Not Contact", "do_not_contact", "请勿联系"),
			FieldSpec.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者")),
			List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME)),

	LEADS("leads", "lead", List.of(
			FieldSpec.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
			FieldSpec.text("firstName", 100, "First Name", "Given Name", "Forename", "名", "名字"),
			FieldSpec.required("lastName", 100, "Last Name", "Surname", "Family Name", "姓", "姓氏"),
			FieldSpec.text("company", 200, "Company", "Company Name", "Account", "Organization", "公司", "公司名称",
					"客户", "单位"),
			FieldSpec.text("title", 100, "Title", "Job Title", "Position", "职位", "职务", "头衔"),
			FieldSpec.of("email", Type.EMAIL, "E-mail", "Email Address", "Mail", "邮箱", "电子邮件", "电子邮箱", "邮件"),
			FieldSpec.of("phone", Type.PHONE, "Phone", "Telephone", "Mobile", "Tel", "电话", "手机", "手机号", "联系电话"),
			FieldSpec.choice("source", names(AccountSource.values()), "Source", "Lead Source", "来源"),
			FieldSpec.choice("rating", List.of("HOT", "WARM", "COLD"), "Rating", "评级"),
			FieldSpec.text("notes", 4000, "Notes", "Description", "备注", "描述"),
			FieldSpec.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者")),
			List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME)),

	/** Only administrators and managers may import products, as only they change the catalogue. */
	PRODUCTS("products", "product", List.of(
			FieldSpec.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
			FieldSpec.required("sku", 64, "SKU", "Product Code", "Item Code", "Item Number", "Code", "Number",
					"产品编号", "产品代码", "商品编号", "商品编码", "货号", "编号", "编码"),
			FieldSpec.required("name", 200, "Product", "Product Name", "Name", "Item", "Item Name", "产品", "产品名称",
					"商品", "商品名称", "名称"),
			FieldSpec.text("category", 100, "Category", "Product Category", "Family", "类别", "分类", "产品类别",
					"商品类别"),
			FieldSpec.required("unitPrice", Type.AMOUNT, "Unit Price", "Price", "List Price", "unit_price", "单价",
					"价格", "售价"),
			FieldSpec.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			FieldSpec.of("active", Type.BOOLEAN, "Active", "Is Active", "Enabled", "启用", "有效", "是否启用"),
			FieldSpec.text("description", 4000, "Description", "Notes", "描述", "说明", "备注")),
			List.of(MatchBy.NUMBER, MatchBy.EXTERNAL_ID)),

	OPPORTUNITIES("opportunities", "opportunity", List.of(
			FieldSpec.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
			FieldSpec.required("name", 200, "Opportunity", "Opportunity Name", "Name", "Deal", "Deal Name", "商机",
					"商机名称", "机会", "机会名称", "名称"),
			FieldSpec.of("account", Type.ACCOUNT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			FieldSpec.of("accountExternalId", Type.ACCOUNT_EXTERNAL_ID, "Account External ID", "account_external_id",
					"客户外部编号"),
			FieldSpec.of("pipeline", Type.REFERENCE, "Pipeline", "Sales Pipeline", "销售管道", "管道", "销售流程"),
			FieldSpec.of("stage", Type.REFERENCE, "Stage", "Sales Stage", "阶段", "销售阶段"),
			FieldSpec.required("amount", Type.AMOUNT, "Amount", "Value", "Deal Value", "金额", "商机金额", "价值"),
			FieldSpec.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			FieldSpec.required("closeDate", Type.DATE, "Close Date", "Expected Close Date", "close_date", "预计成交日期",
					"成交日期", "结束日期"),
			FieldSpec.of("probability", Type.PERCENT, "Probability", "Probability (%)", "赢率", "成功率", "概率"),
			FieldSpec.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者")),
			List.of(MatchBy.EXTERNAL_ID, MatchBy.NAME)),

	CONTRACTS("contracts", "contract", List.of(
			// Rapport numbers contracts itself: the number another system gave one is its external id there
			FieldSpec.text("externalId", 100, "External ID", "external_id", "Contract", "Contract Number",
					"Contract No", "外部编号", "外部ID", "合同", "合同编号", "合同号"),
			FieldSpec.of("account", Type.ACCOUNT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			FieldSpec.of("accountExternalId", Type.ACCOUNT_EXTERNAL_ID, "Account External ID", "account_external_id",
					"客户外部编号"),
			FieldSpec.required("startDate", Type.DATE, "Start Date", "Start", "start_date", "Effective Date",
					"开始日期", "起始日期", "生效日期"),
			FieldSpec.required("endDate", Type.DATE, "End Date", "End", "end_date", "Expiry Date", "结束日期",
					"截止日期", "到期日期", "终止日期"),
			FieldSpec.required("value", Type.AMOUNT, "Value", "Contract Value", "Amount", "金额", "合同金额", "价值"),
			FieldSpec.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			FieldSpec.of("status", Type.REFERENCE, "Status", "Contract Status", "状态", "合同状态"),
			FieldSpec.of("autoRenew", Type.BOOLEAN, "Auto-renew", "Auto Renew", "Auto Renewal", "auto_renew",
					"自动续约", "自动续签", "自动续期"),
			FieldSpec.of("renewalNoticeDays", Type.DAYS, "Renewal Notice Days", "Notice Days", "Notice Period",
					"renewal_notice_days", "续约通知天数", "提前通知天数", "通知天数"),
			FieldSpec.text("description", 4000, "Description", "Notes", "描述", "说明", "备注"),
			FieldSpec.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者")),
			List.of(MatchBy.EXTERNAL_ID)),

	/**
	 * One row per order line; the rows of one order share its external id (the order's number in the other system)
	 * and are written together. The order's account, date, status, currency, notes, owner and custom fields come
	 * from its first row.
	 */
	ORDERS("orders", "order", List.of(
			FieldSpec.required("externalId", 100, "Order ID", "Order External ID", "External ID", "external_id",
					"Order", "Order Number", "Order No", "订单号", "订单编号", "外部编号", "外部ID"),
			FieldSpec.of("account", Type.ACCOUNT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			FieldSpec.of("accountExternalId", Type.ACCOUNT_EXTERNAL_ID, "Account External ID", "account_external_id",
					"客户外部编号"),
			FieldSpec.required("product", Type.REFERENCE, "Product", "SKU", "Product SKU", "Product Name", "Item",
					"产品", "产品名称", "产品编号", "商品", "商品名称"),
			FieldSpec.required("quantity", Type.AMOUNT, "Quantity", "Qty", "数量"),
			FieldSpec.of("unitPrice", Type.AMOUNT, "Unit Price", "Price", "单价", "价格"),
			FieldSpec.of("orderDate", Type.DATE, "Order Date", "Date", "order_date", "订单日期", "下单日期", "日期"),
			FieldSpec.of("orderStatus", Type.REFERENCE, "Status", "Order Status", "状态", "订单状态"),
			FieldSpec.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			FieldSpec.text("notes", 4000, "Notes", "Description", "备注", "说明", "描述"),
			FieldSpec.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者")),
			List.of(MatchBy.EXTERNAL_ID));

	private final String path;
	private final String customFieldsEntity;
	private final List<FieldSpec> fields;
	private final List<MatchBy> matchKeys;

	ImportEntity(String path, String customFieldsEntity, List<FieldSpec> fields, List<MatchBy> matchKeys) {
		this.path = path;
		this.customFieldsEntity = customFieldsEntity;
		this.fields = fields;
		this.matchKeys = matchKeys;
	}

	/** The name in URLs and the API, such as {@code contacts}. */
	public String path() {
		return path;
	}

	/** The name under which the customization module keeps this kind of record's custom fields. */
	public String customFieldsEntity() {
		return customFieldsEntity;
	}

	/** The built-in fields; {@link ImportFields} adds the custom ones. */
	public List<FieldSpec> fields() {
		return fields;
	}

	public List<MatchBy> matchKeys() {
		return matchKeys;
	}

	public Optional<FieldSpec> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

	public static Optional<ImportEntity> fromPath(String path) {
		return Arrays.stream(values()).filter(e -> e.path.equalsIgnoreCase(path == null ? "" : path.strip())).findFirst();
	}

	/**
	 * The field each column most likely holds, judged by its header: the first field that the header names and no
	 * earlier column took. Columns no field claims are left out.
	 */
	public Map<Integer, String> guessMapping(List<String> headers) {
		return guessMapping(fields, headers);
	}

	/** The same guess over the given fields, such as the built-in ones and the custom ones. */
	static Map<Integer, String> guessMapping(List<FieldSpec> fields, List<String> headers) {
		Map<Integer, String> mapping = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		for (int column = 0; column < headers.size(); column++) {
			String header = headers.get(column);
			for (FieldSpec field : fields) {
				if (!taken.contains(field.key()) && field.isNamedBy(header)) {
					mapping.put(column, field.key());
					taken.add(field.key());
					break;
				}
			}
		}
		return mapping;
	}

	private static List<String> names(Enum<?>[] values) {
		List<String> names = new ArrayList<>();
		for (Enum<?> value : values) {
			names.add(value.name());
		}
		return names;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
