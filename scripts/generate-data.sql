-- Fills a Rapport database (schema made by the application's own Flyway migrations) with generated teams,
-- users, accounts and contacts. Run by scripts/generate-data.sh, which passes the psql variables
-- accounts, contacts, owners and teams.
--
-- Everything happens in one transaction: a failure leaves the database as it was. The secondary indexes
-- of account and contact are dropped for the load and rebuilt afterwards from the definitions read out of
-- the catalogue (the ones the migrations created), which is several times faster than maintaining them
-- row by row. Ids are UUIDv7 made from each row's created_at, so they are time-ordered like the
-- application's own, and rows are inserted in id order.

\set ON_ERROR_STOP on
\timing on

set work_mem = '1GB';
set maintenance_work_mem = '1GB';
set synchronous_commit = off;
select setseed(0.20240601) \gset

begin;

-- A version-7 UUID (RFC 9562) for the given instant: 48 bits of Unix milliseconds, the version, 12 random
-- bits, the variant and 62 random bits.
create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
	select encode(int8send((floor(date_part('epoch', ts) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
		|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
			+ floor(random() * 2147483648)::bigint), 'hex')::uuid
$$;

-- An index 1..n from a uniform random number r in [0, 1).
create function pg_temp.pick(n int, r float8) returns int language sql immutable as $$
	select 1 + floor(n * r)::int
$$;

-- n random decimal digits.
create function pg_temp.digits(n int) returns text language sql volatile as $$
	select lpad(floor(random() * (10 ^ n))::bigint::text, n, '0')
$$;

-- An ASCII slug for domains and e-mail addresses.
create function pg_temp.slug(t text) returns text language sql immutable as $$
	select translate(lower(t), 'äöüßéèêëàâáãçíìîïñóòôõøúùûåæ'' &-.,', 'aouseeeeaaaaciiiinooooouuuaa')
$$;

-- Word lists. Immutable functions without arguments are folded into constants when a query is planned,
-- so picking a word costs an array subscript. The *_slug lists run parallel to their source lists.
create function pg_temp.l_surname() returns text[] language sql immutable as $$ select array[
	'Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
	'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee',
	'Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young',
	'Allen','King','Wright','Scott','Torres','Nguyen','Hill','Flores','Green','Adams','Nelson','Baker','Hall',
	'Rivera','Campbell','Mitchell','Carter','Roberts','Müller','Schmidt','Schneider','Fischer','Weber',
	'Meyer','Wagner','Becker','Hoffmann','Schulz','Dubois','Moreau','Laurent','Lefebvre','Rossi','Russo',
	'Ferrari','Esposito','Bianchi','Romano','Jensen','Nielsen','Hansen','Andersson','Johansson','Larsson',
	'Kowalski','Nowak','Novak','Horvat','Silva','Santos','Oliveira','Costa','Pereira','Tanaka','Suzuki',
	'Sato','Watanabe','Kim','Park','Singh','Patel','Sharma','O''Brien','Murphy','Kelly','Byrne','van Dijk',
	'de Vries'] $$;
create function pg_temp.l_first() returns text[] language sql immutable as $$ select array[
	'James','Mary','Robert','Patricia','John','Jennifer','Michael','Linda','David','Elizabeth','William',
	'Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen','Daniel','Lisa',
	'Matthew','Nancy','Anthony','Sandra','Mark','Ashley','Paul','Emily','Steven','Michelle','Andrew',
	'Amanda','Kevin','Melissa','Brian','Laura','George','Rebecca','Lukas','Anna','Jonas','Lea','Felix',
	'Sophie','Lucas','Camille','Hugo','Chloé','Marco','Giulia','Luca','Chiara','Lars','Ingrid','Erik',
	'Astrid','Piotr','Zofia','João','Ana','Yuki','Haruto','Min-jun','Ji-woo','Arjun','Priya','Wei','Mei',
	'Omar','Fatima','Ahmed','Leila','Diego','Sofia','Mateo','Valentina','Noah','Emma'] $$;
create function pg_temp.l_place() returns text[] language sql immutable as $$ select array[
	'Northwind','Blue Ridge','Silver Lake','Redwood','Summit','Pinnacle','Evergreen','Harbor','Granite',
	'Cedar','Ironbridge','Riverside','Lakeshore','Westfield','Eastgate','Brightwater','Highland','Oakmont',
	'Stonegate','Clearwater','Golden Gate','Atlas','Apex','Vertex','Polaris','Horizon','Meridian',
	'Crescent','Keystone','Sterling','Beacon','Frontier','Pioneer','Liberty','Heritage','Coastal','Alpine',
	'Prairie','Sunrise','Bluebird'] $$;
create function pg_temp.l_syllable1() returns text[] language sql immutable as $$ select array[
	'Zen','Nova','Vel','Quant','Lum','Cor','Syn','Ar','Ex','Tri','Omni','Bel','Kin','Ver','Sol','Mar','Tel',
	'Dyn','Cal','Pax'] $$;
create function pg_temp.l_syllable2() returns text[] language sql immutable as $$ select array[
	'trix','ora','ity','eon','ara','ico','ado','ium','ex','ant','ova','ix','era','io','yst','ona'] $$;
-- In the order of the Industry enum.
create function pg_temp.l_industry() returns text[] language sql immutable as $$ select array[
	'AGRICULTURE','AUTOMOTIVE','BANKING','CHEMICALS','CONSTRUCTION','CONSULTING','EDUCATION','ENERGY',
	'ENTERTAINMENT','FOOD_AND_BEVERAGE','GOVERNMENT','HEALTHCARE','HOSPITALITY','INSURANCE','LOGISTICS',
	'MANUFACTURING','MEDIA','NON_PROFIT','REAL_ESTATE','RETAIL','TECHNOLOGY','TELECOMMUNICATIONS',
	'UTILITIES','OTHER'] $$;
-- Three sector words per industry, in the same order: word k of industry i is at (i - 1) * 3 + k.
create function pg_temp.l_sector() returns text[] language sql immutable as $$ select array[
	'Farms','Agri','Harvest', 'Motors','Automotive','Auto Parts', 'Bank','Capital','Financial',
	'Chemicals','Polymers','Labs', 'Construction','Builders','Engineering', 'Consulting','Advisors','Partners',
	'Academy','Learning','Institute', 'Energy','Power','Solar', 'Studios','Entertainment','Games',
	'Foods','Brewing','Kitchens', 'Public Services','Municipal Services','Public Works',
	'Health','Medical','Clinics', 'Hotels','Resorts','Hospitality', 'Insurance','Assurance','Mutual',
	'Logistics','Freight','Shipping', 'Manufacturing','Industries','Machining',
	'Media','Publishing','Broadcasting', 'Foundation','Trust','Charities', 'Properties','Realty','Estates',
	'Stores','Outfitters','Retail', 'Software','Systems','Technologies', 'Telecom','Networks','Communications',
	'Utilities','Water','Gas & Electric', 'Group','Holdings','Services'] $$;
create function pg_temp.l_zh_sector() returns text[] language sql immutable as $$ select array[
	'农业','汽车','银行','化工','建设','咨询','教育','能源','文化','食品','公共服务','医疗','酒店','保险',
	'物流','制造','传媒','公益','地产','商贸','科技','通信','水务','实业'] $$;
create function pg_temp.l_zh_brand() returns text[] language sql immutable as $$ select array[
	'华信','瑞达','恒通','中泰','宏远','金桥','新元','东方','天成','盛世','永安','博雅','汇通','嘉禾','长城','鼎盛'] $$;
create function pg_temp.l_zh_brand_slug() returns text[] language sql immutable as $$ select array[
	'huaxin','ruida','hengtong','zhongtai','hongyuan','jinqiao','xinyuan','dongfang','tiancheng','shengshi',
	'yongan','boya','huitong','jiahe','changcheng','dingsheng'] $$;
create function pg_temp.l_zh_surname() returns text[] language sql immutable as $$ select array[
	'王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'] $$;
create function pg_temp.l_zh_surname_slug() returns text[] language sql immutable as $$ select array[
	'wang','li','zhang','liu','chen','yang','huang','zhao','wu','zhou','xu','sun','ma','zhu','hu','guo','he',
	'gao','lin','luo'] $$;
create function pg_temp.l_zh_given() returns text[] language sql immutable as $$ select array[
	'伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','平','建国',
	'晓东','海燕','志强'] $$;
create function pg_temp.l_zh_given_slug() returns text[] language sql immutable as $$ select array[
	'wei','fang','na','min','jing','li','qiang','lei','jun','yang','yong','yan','jie','juan','tao','ming','chao',
	'xiuying','hua','ping','jianguo','xiaodong','haiyan','zhiqiang'] $$;
create function pg_temp.l_title() returns text[] language sql immutable as $$ select array[
	'CEO','CFO','CTO','COO','VP Sales','VP Marketing','Head of Procurement','Purchasing Manager',
	'IT Director','Operations Manager','Office Manager','Account Manager','Project Manager',
	'Software Engineer','Marketing Manager','HR Director','Finance Manager','Sales Representative',
	'Consultant','Owner','Managing Director','Controller'] $$;
create function pg_temp.l_source() returns text[] language sql immutable as $$ select array[
	'WEBSITE','REFERRAL','PARTNER','CAMPAIGN','TRADE_SHOW','COLD_CALL','EMAIL','SOCIAL_MEDIA','OTHER'] $$;
create function pg_temp.l_description() returns text[] language sql immutable as $$ select array[
	'Key account, renews every spring.','Interested in the premium tier.','Met at the annual trade show.',
	'Prefers contact by e-mail.','Evaluating two competitors.','Parent company handles purchasing.',
	'Invoices go to the head office.','Budget decisions in Q4.'] $$;
create function pg_temp.l_mailbox() returns text[] language sql immutable as $$ select array[
	'info','sales','contact','hello','office'] $$;
create function pg_temp.l_mail_domain() returns text[] language sql immutable as $$ select array[
	'gmail.com','outlook.com','yahoo.com','icloud.com','proton.me','gmx.de'] $$;
create function pg_temp.l_zh_mail_domain() returns text[] language sql immutable as $$ select array[
	'qq.com','163.com','126.com'] $$;

create function pg_temp.l_surname_slug() returns text[] language sql immutable as $$
	select array(select pg_temp.slug(x) from unnest(pg_temp.l_surname()) with ordinality u(x, o) order by o) $$;
create function pg_temp.l_first_slug() returns text[] language sql immutable as $$
	select array(select pg_temp.slug(x) from unnest(pg_temp.l_first()) with ordinality u(x, o) order by o) $$;
create function pg_temp.l_place_slug() returns text[] language sql immutable as $$
	select array(select pg_temp.slug(x) from unnest(pg_temp.l_place()) with ordinality u(x, o) order by o) $$;
create function pg_temp.l_sector_slug() returns text[] language sql immutable as $$
	select array(select pg_temp.slug(x) from unnest(pg_temp.l_sector()) with ordinality u(x, o) order by o) $$;

-- Where accounts are: city, region, country, web domain, phone prefix, postal code format, company
-- suffixes, streets and how addresses are written (number first, number last, Chinese). The United States
-- have the most cities and so the most accounts; the Chinese cities come last.
create temp table places (i int primary key, city text, region text, country text, tld text, phone text,
		postal text, suffixes text[], streets text[], addr text, zh boolean, city_slug text) on commit drop;
insert into places (i, city, region, country, tld, phone, postal, suffixes, streets, addr, zh, city_slug)
with streets (style, names) as (values
	('en', array['Main Street','Market Street','High Street','Park Avenue','Station Road','Church Lane',
		'Mill Road','King Street','Oak Avenue','River Road','Harbour Road','Queen Street','Elm Street',
		'Maple Avenue','Broadway','Washington Street']),
	('de', array['Hauptstraße','Bahnhofstraße','Schulstraße','Gartenstraße','Lindenstraße','Bergstraße',
		'Kirchstraße','Friedrichstraße']),
	('fr', array['Rue de la Paix','Rue Victor Hugo','Avenue de la République','Boulevard Voltaire',
		'Rue Pasteur','Rue du Moulin']),
	('it', array['Via Roma','Via Garibaldi','Via Dante','Corso Italia','Via Mazzini','Via Verdi']),
	('es', array['Calle Mayor','Gran Vía','Calle de Alcalá','Paseo de Gracia','Calle Real']),
	('nl', array['Kerkstraat','Dorpsstraat','Stationsweg','Molenweg','Prinsengracht']),
	('sv', array['Storgatan','Drottninggatan','Kungsgatan','Skolgatan']),
	('ja', array['Chuo-dori','Meiji-dori','Ginza','Umeda','Shibuya']),
	('zh', array['人民路','中山路','解放路','建设路','南京路','长江路']))
select row_number() over (order by p.ord), p.city, p.region, p.country, p.tld, p.phone, p.postal, p.suffixes,
	s.names, p.addr, p.zh, p.city_slug
from (values
	(1, 'New York','NY','United States','.com','+1 212','D5',array['Inc.','LLC','Corp.','Co.',''],'en','NF',false,null),
	(2, 'San Francisco','CA','United States','.com','+1 415','D5',array['Inc.','LLC','Corp.',''],'en','NF',false,null),
	(3, 'Chicago','IL','United States','.com','+1 312','D5',array['Inc.','LLC','Co.',''],'en','NF',false,null),
	(4, 'Austin','TX','United States','.com','+1 512','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(5, 'Seattle','WA','United States','.com','+1 206','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(6, 'Boston','MA','United States','.com','+1 617','D5',array['Inc.','LLC','Corp.'],'en','NF',false,null),
	(7, 'Denver','CO','United States','.com','+1 303','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(8, 'Atlanta','GA','United States','.com','+1 404','D5',array['Inc.','LLC','Co.'],'en','NF',false,null),
	(9, 'Miami','FL','United States','.com','+1 305','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(10, 'Minneapolis','MN','United States','.com','+1 612','D5',array['Inc.','Co.',''],'en','NF',false,null),
	(11, 'Portland','OR','United States','.com','+1 503','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(12, 'Dallas','TX','United States','.com','+1 214','D5',array['Inc.','Corp.','LLC'],'en','NF',false,null),
	(13, 'San Diego','CA','United States','.com','+1 619','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(14, 'Nashville','TN','United States','.com','+1 615','D5',array['Inc.','LLC',''],'en','NF',false,null),
	(15, 'Toronto','ON','Canada','.ca','+1 416','CA',array['Inc.','Ltd.',''],'en','NF',false,null),
	(16, 'Vancouver','BC','Canada','.ca','+1 604','CA',array['Inc.','Ltd.',''],'en','NF',false,null),
	(17, 'Montréal','QC','Canada','.ca','+1 514','CA',array['Inc.','Ltée',''],'fr','NF',false,null),
	(18, 'London','England','United Kingdom','.co.uk','+44 20','UK',array['Ltd','PLC','LLP',''],'en','NF',false,null),
	(19, 'Manchester','England','United Kingdom','.co.uk','+44 161','UK',array['Ltd','PLC',''],'en','NF',false,null),
	(20, 'Edinburgh','Scotland','United Kingdom','.co.uk','+44 131','UK',array['Ltd',''],'en','NF',false,null),
	(21, 'Berlin','Berlin','Germany','.de','+49 30','D5',array['GmbH','AG','GmbH & Co. KG'],'de','NL',false,null),
	(22, 'München','Bayern','Germany','.de','+49 89','D5',array['GmbH','AG'],'de','NL',false,null),
	(23, 'Hamburg','Hamburg','Germany','.de','+49 40','D5',array['GmbH','AG','KG'],'de','NL',false,null),
	(24, 'Frankfurt am Main','Hessen','Germany','.de','+49 69','D5',array['GmbH','AG'],'de','NL',false,null),
	(25, 'Paris','Île-de-France','France','.fr','+33 1','D5',array['SAS','S.A.','SARL'],'fr','NF',false,null),
	(26, 'Lyon','Auvergne-Rhône-Alpes','France','.fr','+33 4','D5',array['SAS','SARL'],'fr','NF',false,null),
	(27, 'Milano','Lombardia','Italy','.it','+39 02','D5',array['S.p.A.','S.r.l.'],'it','NL',false,null),
	(28, 'Roma','Lazio','Italy','.it','+39 06','D5',array['S.p.A.','S.r.l.'],'it','NL',false,null),
	(29, 'Amsterdam','Noord-Holland','Netherlands','.nl','+31 20','NL',array['B.V.','N.V.'],'nl','NL',false,null),
	(30, 'Rotterdam','Zuid-Holland','Netherlands','.nl','+31 10','NL',array['B.V.'],'nl','NL',false,null),
	(31, 'Stockholm','Stockholm','Sweden','.se','+46 8','D5',array['AB'],'sv','NL',false,null),
	(32, 'Madrid','Madrid','Spain','.es','+34 91','D5',array['S.L.','S.A.'],'es','NL',false,null),
	(33, 'Barcelona','Cataluña','Spain','.es','+34 93','D5',array['S.L.','S.A.'],'es','NL',false,null),
	(34, 'Sydney','NSW','Australia','.com.au','+61 2','D4',array['Pty Ltd',''],'en','NF',false,null),
	(35, 'Melbourne','VIC','Australia','.com.au','+61 3','D4',array['Pty Ltd',''],'en','NF',false,null),
	(36, 'Tokyo','Tokyo','Japan','.jp','+81 3','JP',array['K.K.','Co., Ltd.'],'ja','NL',false,null),
	(37, 'Osaka','Osaka','Japan','.jp','+81 6','JP',array['K.K.','Co., Ltd.'],'ja','NL',false,null),
	(38, '北京','北京市','China','.cn','+86 10','D6',array['有限公司','股份有限公司','集团'],'zh','CN',true,'beijing'),
	(39, '上海','上海市','China','.cn','+86 21','D6',array['有限公司','股份有限公司','集团'],'zh','CN',true,'shanghai'),
	(40, '广州','广东省','China','.cn','+86 20','D6',array['有限公司','股份有限公司'],'zh','CN',true,'guangzhou'),
	(41, '深圳','广东省','China','.cn','+86 755','D6',array['有限公司','股份有限公司'],'zh','CN',true,'shenzhen'),
	(42, '杭州','浙江省','China','.cn','+86 571','D6',array['有限公司'],'zh','CN',true,'hangzhou'),
	(43, '成都','四川省','China','.cn','+86 28','D6',array['有限公司'],'zh','CN',true,'chengdu')
) as p(ord, city, region, country, tld, phone, postal, suffixes, style, addr, zh, city_slug)
join streets s on s.style = p.style;

select count(*) filter (where not zh) as west_places, count(*) filter (where zh) as zh_places from places
\gset

-- A street address in the way the place writes it.
create function pg_temp.street(addr text, streets text[]) returns text language sql volatile as $$
	select case addr
		when 'NF' then (1 + floor(random() * 980)::int)::text || ' ' || streets[pg_temp.pick(cardinality(streets), random())]
		when 'NL' then streets[pg_temp.pick(cardinality(streets), random())] || ' ' || (1 + floor(random() * 180)::int)::text
		else streets[pg_temp.pick(cardinality(streets), random())] || (1 + floor(random() * 300)::int)::text || '号'
	end
$$;
-- A postal code in the place's format.
create function pg_temp.postal_code(format text) returns text language sql volatile as $$
	select case format
		when 'D5' then pg_temp.digits(5)
		when 'D6' then pg_temp.digits(6)
		when 'D4' then pg_temp.digits(4)
		when 'NL' then pg_temp.digits(4) || ' ' || chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int)
		when 'JP' then pg_temp.digits(3) || '-' || pg_temp.digits(4)
		when 'UK' then chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int)
			|| (1 + floor(random() * 20)::int)::text || ' ' || floor(random() * 10)::int::text
			|| chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int)
		else chr(65 + floor(random() * 26)::int) || floor(random() * 10)::int::text || chr(65 + floor(random() * 26)::int)
			|| ' ' || floor(random() * 10)::int::text || chr(65 + floor(random() * 26)::int) || floor(random() * 10)::int::text
	end
$$;

\echo 'removing earlier generated data'
-- The benchmark database belongs to the generator: every account and contact goes (and, through the
-- cascade, every row of other modules that references them), and every user and team except the
-- administrator.
truncate contact, account cascade;
delete from api_token where user_id <> all (select id from app_user where username = 'admin');
delete from app_user where username <> 'admin';
update app_user set team_id = null where username = 'admin';
delete from team;

\echo 'teams and users'
create temp table team_names on commit drop as
select n, case when n <= 10 then (array['Enterprise East','Enterprise West','Mid-Market North',
		'Mid-Market South','SMB Americas','SMB EMEA','SMB APAC','Strategic Accounts','Public Sector',
		'Channel Partners'])[n] else 'Sales Team ' || n end as name
from generate_series(1, :teams) n;

insert into team (id, version, name, created_at)
select pg_temp.uuid7(now() - interval '6 years 2 months' + n * interval '1 hour'), 0, name,
	now() - interval '6 years 2 months' + n * interval '1 hour'
from team_names order by n;

-- Owners: distinct first and last name pairs in a scrambled but repeatable order.
create temp table owners on commit drop as
select n, first_name, last_name, pg_temp.slug(first_name) || '.' || pg_temp.slug(last_name) as username,
	1 + (n - 1) % :teams as team_no,
	now() - interval '6 years 1 month' + n * interval '1 hour' as created_at
from (
	select f as first_name, l as last_name, row_number() over (order by md5(f || '/' || l)) as n
	from unnest(pg_temp.l_first()) f cross join unnest(pg_temp.l_surname()) l
) pairs
where n <= :owners;

insert into app_user (id, version, username, display_name, email, password_hash, roles, team_id, locale,
		time_zone, active, created_at, updated_at)
select pg_temp.uuid7(o.created_at), 0, o.username, o.first_name || ' ' || o.last_name,
	o.username || '@rapport.example',
	(select password_hash from app_user where username = 'admin'),
	-- the first member of each team manages it
	case when o.n <= :teams then 'MANAGER,SALES' else 'SALES' end,
	t.id, case when o.n % 7 = 0 then 'zh-CN' else 'en' end,
	(array['UTC','America/New_York','America/Los_Angeles','Europe/London','Europe/Berlin','Asia/Shanghai'])[1 + o.n % 6],
	true, o.created_at, o.created_at
from owners o
join team_names tn on tn.n = o.team_no
join team t on t.name = tn.name
order by o.n;

create temp table owner_ids on commit drop as
select o.n, u.id, u.team_id from owners o join app_user u on u.username = o.username;
create unique index on owner_ids (n);
analyze owner_ids;

\echo 'dropping the secondary indexes of account and contact for the load'
create temp table saved_indexes on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition,
	c.relname as table_name
from pg_index i
join pg_class c on c.oid = i.indrelid
where i.indrelid in ('account'::regclass, 'contact'::regclass)
	and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
select table_name, count(*) as dropped_indexes from saved_indexes group by table_name order by 1;
do $$
declare idx record;
begin
	for idx in select name from saved_indexes loop
		execute 'drop index ' || idx.name;
	end loop;
end $$;

-- The rows below reference each other correctly by construction; the foreign-key triggers are skipped for
-- the load and the references are checked in bulk at the end instead.
set local session_replication_role = replica;

\echo 'accounts'
insert into account (id, version, name, type, industry, website, phone, email, billing_street, billing_city,
		billing_postal_code, billing_region, billing_country, owner_id, team_id, lifecycle_stage, source,
		description, created_by, created_at, updated_by, updated_at)
select pg_temp.uuid7(a.created_at), a.version, a.name, a.type, (pg_temp.l_industry())[a.industry_no],
	case when a.type = 'COMPANY' then 'https://www.' || a.domain end,
	p.phone || ' ' || pg_temp.digits(3) || ' ' || pg_temp.digits(4),
	case
		when a.type = 'COMPANY' then (pg_temp.l_mailbox())[a.i_mailbox] || '@' || a.domain
		when p.zh then pg_temp.digits(9) || '@' || (pg_temp.l_zh_mail_domain())[1 + a.i_mail_domain % 3]
		else (pg_temp.l_first_slug())[a.i_first] || '.' || (pg_temp.l_surname_slug())[a.i_last] || '@'
			|| (pg_temp.l_mail_domain())[a.i_mail_domain]
	end,
	pg_temp.street(p.addr, p.streets), p.city, pg_temp.postal_code(p.postal), p.region, p.country,
	o.id, o.team_id,
	case when a.r_stage < 0.30 then 'PROSPECT' when a.r_stage < 0.45 then 'NEW'
		when a.r_stage < 0.90 then 'EXISTING' else 'LOST' end,
	case when random() < 0.9 then (pg_temp.l_source())[pg_temp.pick(9, random())] end,
	case when random() < 0.15 then (pg_temp.l_description())[pg_temp.pick(8, random())] end,
	o.id, a.created_at, o.id, a.updated_at
from (
	select r.*,
		case
			when r.type = 'PERSON' and p.zh then (pg_temp.l_zh_surname())[r.i_zh_last] || (pg_temp.l_zh_given())[r.i_zh_given]
			when r.type = 'PERSON' then (pg_temp.l_first())[r.i_first] || ' ' || (pg_temp.l_surname())[r.i_last]
			when p.zh then p.city || (pg_temp.l_zh_brand())[r.i_zh_brand] || (pg_temp.l_zh_sector())[coalesce(r.industry_no, 24)]
				|| p.suffixes[pg_temp.pick(cardinality(p.suffixes), r.r_suffix)]
			when r.pattern < 0.35 then (pg_temp.l_surname())[r.i_last] || ' ' || (pg_temp.l_sector())[r.i_sector]
				|| rtrim(' ' || p.suffixes[pg_temp.pick(cardinality(p.suffixes), r.r_suffix)])
			when r.pattern < 0.60 then (pg_temp.l_place())[r.i_place] || ' ' || (pg_temp.l_sector())[r.i_sector]
				|| rtrim(' ' || p.suffixes[pg_temp.pick(cardinality(p.suffixes), r.r_suffix)])
			when r.pattern < 0.75 then (pg_temp.l_surname())[r.i_last] || ' & ' || (pg_temp.l_surname())[r.i_last2]
				|| rtrim(' ' || p.suffixes[pg_temp.pick(cardinality(p.suffixes), r.r_suffix)])
			else (pg_temp.l_syllable1())[r.i_syl1] || (pg_temp.l_syllable2())[r.i_syl2] || ' ' || (pg_temp.l_sector())[r.i_sector]
		end as name,
		case
			when p.zh then (pg_temp.l_zh_brand_slug())[r.i_zh_brand] || p.city_slug || p.tld
			when r.pattern < 0.35 then (pg_temp.l_surname_slug())[r.i_last] || (pg_temp.l_sector_slug())[r.i_sector] || p.tld
			when r.pattern < 0.60 then (pg_temp.l_place_slug())[r.i_place] || (pg_temp.l_sector_slug())[r.i_sector] || p.tld
			when r.pattern < 0.75 then (pg_temp.l_surname_slug())[r.i_last] || (pg_temp.l_surname_slug())[r.i_last2] || p.tld
			else lower((pg_temp.l_syllable1())[r.i_syl1] || (pg_temp.l_syllable2())[r.i_syl2]) || p.tld
		end as domain
	from (
		select s.g, s.created_at,
			s.created_at + (now() - s.created_at) * power(random(), 3) as updated_at,
			case when random() < 0.6 then 0 else 1 + floor(random() * 5)::int end as version,
			random() as r_stage, random() as pattern, random() as r_suffix,
			case when s.zh then :west_places + pg_temp.pick(:zh_places, random())
				else pg_temp.pick(:west_places, random()) end as place_no,
			-- ownership is uneven, as in real sales teams: the busiest owner has several times the
			-- accounts of the quietest
			pg_temp.pick(:owners, power(random(), 1.5)) as owner_no,
			s.type,
			case when s.type = 'COMPANY' and random() < 0.96 then s.industry_no end as industry_no,
			(s.industry_no - 1) * 3 + pg_temp.pick(3, random()) as i_sector,
			pg_temp.pick(cardinality(pg_temp.l_surname()), random()) as i_last,
			pg_temp.pick(cardinality(pg_temp.l_surname()), random()) as i_last2,
			pg_temp.pick(cardinality(pg_temp.l_first()), random()) as i_first,
			pg_temp.pick(cardinality(pg_temp.l_place()), random()) as i_place,
			pg_temp.pick(cardinality(pg_temp.l_syllable1()), random()) as i_syl1,
			pg_temp.pick(cardinality(pg_temp.l_syllable2()), random()) as i_syl2,
			pg_temp.pick(cardinality(pg_temp.l_zh_brand()), random()) as i_zh_brand,
			pg_temp.pick(cardinality(pg_temp.l_zh_surname()), random()) as i_zh_last,
			pg_temp.pick(cardinality(pg_temp.l_zh_given()), random()) as i_zh_given,
			pg_temp.pick(cardinality(pg_temp.l_mailbox()), random()) as i_mailbox,
			pg_temp.pick(cardinality(pg_temp.l_mail_domain()), random()) as i_mail_domain
		from (
			select g, now() - interval '6 years' + (g - random()) * (interval '6 years' / :accounts) as created_at,
				random() < 0.08 as zh,
				case when random() < 0.12 then 'PERSON' else 'COMPANY' end as type,
				pg_temp.pick(24, random()) as industry_no
			from generate_series(1, :accounts) g
			offset 0
		) s
		offset 0
	) r
	join places p on p.i = r.place_no
	offset 0
) a
join places p on p.i = a.place_no
join owner_ids o on o.n = a.owner_no
order by a.g;

\echo 'contacts'
create temp table account_no on commit drop as
select row_number() over () as n, a.id, a.owner_id, a.team_id, a.created_at, a.type, a.billing_city,
	a.billing_region, a.billing_country, a.billing_postal_code, p.i as place_no, p.zh,
	case when a.website is not null then substring(a.website from 'https://www\.(.*)$') end as domain,
	case when a.type = 'PERSON' and p.zh then left(a.name, 1)
		when a.type = 'PERSON' then substring(a.name from position(' ' in a.name) + 1) end as family_name,
	case when a.type = 'PERSON' and not p.zh then pg_temp.slug(substring(a.name from position(' ' in a.name) + 1)) end as family_slug
from account a
join places p on p.city = a.billing_city;
create unique index on account_no (n);
analyze account_no;
select count(*) as account_count from account_no
\gset

insert into contact (id, version, account_id, first_name, last_name, title, email, phone, street, city,
		postal_code, region, country, owner_id, team_id, do_not_contact, created_by, created_at, updated_by,
		updated_at)
select pg_temp.uuid7(c.created_at) as id, c.version, c.account_id, c.first_name, c.last_name, c.title,
	case
		when c.first_name is null then null
		when c.zh then (pg_temp.l_zh_given_slug())[c.i_zh_given] || '.' || (pg_temp.l_zh_surname_slug())[c.i_zh_last]
			|| '@' || coalesce(c.domain, (pg_temp.l_zh_mail_domain())[1 + c.i_mail_domain % 3])
		else (pg_temp.l_first_slug())[c.i_first] || '.' || coalesce(c.family_slug, (pg_temp.l_surname_slug())[c.i_last])
			|| '@' || coalesce(c.domain, (pg_temp.l_mail_domain())[c.i_mail_domain])
	end,
	case when random() < 0.8 then p.phone || ' ' || pg_temp.digits(3) || ' ' || pg_temp.digits(4) end,
	case when random() < 0.3 then pg_temp.street(p.addr, p.streets) end,
	c.billing_city, case when random() < 0.3 then c.billing_postal_code end, c.billing_region, c.billing_country,
	c.owner_id, c.team_id, random() < 0.03, c.owner_id, c.created_at, c.owner_id, c.updated_at
from (
	select s.*, a.id as account_id, a.owner_id, a.team_id, a.domain, a.billing_city, a.billing_region,
		a.billing_country, a.billing_postal_code, a.place_no, a.zh, a.family_slug,
		case
			when a.zh then (pg_temp.l_zh_given())[s.i_zh_given]
			when s.r_first < 0.05 then null
			else (pg_temp.l_first())[s.i_first]
		end as first_name,
		case
			when a.family_name is not null then a.family_name
			when a.zh then (pg_temp.l_zh_surname())[s.i_zh_last]
			else (pg_temp.l_surname())[s.i_last]
		end as last_name,
		case when a.type = 'COMPANY' and s.r_title < 0.9 then (pg_temp.l_title())[s.i_title] end as title,
		-- most contacts are added soon after their account
		a.created_at + (now() - a.created_at) * power(s.r_created, 2) as created_at,
		a.created_at + (now() - a.created_at) * greatest(power(s.r_created, 2), power(s.r_updated, 2)) as updated_at
	from (
		select g, pg_temp.pick(:account_count, random()) as account_no, random() as r_created,
			random() as r_updated, random() as r_first, random() as r_title,
			case when random() < 0.7 then 0 else 1 + floor(random() * 3)::int end as version,
			pg_temp.pick(cardinality(pg_temp.l_first()), random()) as i_first,
			pg_temp.pick(cardinality(pg_temp.l_surname()), random()) as i_last,
			pg_temp.pick(cardinality(pg_temp.l_zh_given()), random()) as i_zh_given,
			pg_temp.pick(cardinality(pg_temp.l_zh_surname()), random()) as i_zh_last,
			pg_temp.pick(cardinality(pg_temp.l_title()), random()) as i_title,
			pg_temp.pick(cardinality(pg_temp.l_mail_domain()), random()) as i_mail_domain
		from generate_series(1, :contacts) g
		offset 0
	) s
	join account_no a on a.n = s.account_no
	offset 0
) c
join places p on p.i = c.place_no
order by 1;

set local session_replication_role = origin;

\echo 'checking references'
do $$
begin
	if exists (select 1 from contact c where c.account_id is not null
			and not exists (select 1 from account a where a.id = c.account_id)) then
		raise exception 'a generated contact references a missing account';
	end if;
	if exists (select 1 from account a where not exists (select 1 from app_user u where u.id = a.owner_id)) then
		raise exception 'a generated account has an unknown owner';
	end if;
end $$;

\echo 'rebuilding the secondary indexes'
do $$
declare idx record;
begin
	for idx in select name, definition from saved_indexes order by table_name, name loop
		raise notice '%', idx.definition;
		execute idx.definition;
	end loop;
end $$;

commit;
