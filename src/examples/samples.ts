/**
 * The example team, goals and KPIs of ../shared/samples, carried inside the
 * add-on (a test holds them equal to the copies in test/examples/samples/).
 */

export const TEAM_CSV =
  'Name,Email,Role,Manager,Time zone,Work days,Work hours,Channel,Away until,Active\nMette Jensen,mette@example.com,Manager,,Europe/Copenhagen,Mon-Fri,08:30-16:30,Email,,TRUE\nPriya Sharma,priya@example.com,Assistant,mette@example.com,Asia/Kolkata,Mon-Fri,09:30-18:30,Email,,TRUE\nJuan dela Cruz,juan@example.com,Assistant,mette@example.com,Asia/Manila,Mon-Fri,08:00-17:00,Google Chat,,TRUE\nAna Silva,ana@example.com,Assistant,mette@example.com,America/Bogota,Mon-Fri,09:00-18:00,Slack,,TRUE\n';

export const GOALS_CSV =
  'Goal ID,Goal,Owner,Target date,Notes\nG1,Grow brand reach on social media,mette@example.com,2027-03-31,\nG2,Keep customers happy,mette@example.com,2027-03-31,\nG3,Reliable back office,mette@example.com,2027-03-31,\nG4,Organic traffic from content,mette@example.com,2027-06-30,\nG5,Fill the sales pipeline,mette@example.com,2027-03-31,\n';

export const KPIS_CSV =
  'KPI ID,KPI,Owner,Goal ID,Task type,Measure,Aggregation,Direction,Target,Unit,Period,Due time,Qualifier,Numerator KPI,Denominator KPI,Risk band,Baseline,Start,Review by,Status\nK1,Approved posts,priya@example.com,G1,Social media,Posts approved by the client,Sum,At least,15,posts,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK2,Post turnaround,priya@example.com,G1,Social media,Hours from brief to approved post,Average,At most,48,hours,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK3,E-mail reply time,juan@example.com,G2,Customer service,Hours to first reply to a customer e-mail,Average,At most,4,hours,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK4,Customer satisfaction,juan@example.com,G2,Customer service,Score from the survey after each ticket,Average,At least,90,%,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK5,Data accuracy,juan@example.com,G3,Administration,Share of audited records without errors,Min,At least,100,%,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK6,Daily report by 16:00,juan@example.com,G3,Administration,Daily status report sent to the manager,On-time,At least,100,%,Week,16:00,,,,10%,,2026-11-02,2026-12-31,Active\nK7,SEO articles,priya@example.com,G4,Content,Published SEO articles (value = word count),Count,At least,3,articles,Week,,>= 1200,,,10%,,2026-11-02,2026-12-31,Active\nK8,Qualified leads,ana@example.com,G5,Lead generation,Leads that pass the qualification checklist,Sum,At least,50,leads,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK9,Converted leads,ana@example.com,G5,Lead generation,Qualified leads that booked a meeting,Sum,At least,5,leads,Week,,,,,10%,,2026-11-02,2026-12-31,Active\nK10,Lead conversion,ana@example.com,G5,Lead generation,Converted leads as a share of qualified leads,Ratio,At least,10,%,Week,,,K9,K8,10%,,2026-11-02,2026-12-31,Active\n';

export const KPIS_DA_CSV =
  'KPI-ID,KPI,Ejer,Mål-ID,Opgavetype,Måling,Beregning,Retning,Mål,Enhed,Periode,Frist,Betingelse,Tæller-KPI,Nævner-KPI,Risikobånd,Udgangspunkt,Start,Evalueres senest,Status\nK1,Godkendte opslag,priya@example.com,G1,Sociale medier,Opslag godkendt af kunden,Sum,Mindst,15,opslag,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK2,Behandlingstid for opslag,priya@example.com,G1,Sociale medier,Timer fra brief til godkendt opslag,Gennemsnit,Højst,48,timer,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK3,Svartid på e-mails,juan@example.com,G2,Kundeservice,Timer til første svar på en kundemail,Gennemsnit,Højst,4,timer,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK4,Kundetilfredshed,juan@example.com,G2,Kundeservice,Score fra undersøgelsen efter hver sag,Gennemsnit,Mindst,90,%,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK5,Datanøjagtighed,juan@example.com,G3,Administration,Andel af kontrollerede poster uden fejl,Min,Mindst,100,%,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK6,Daglig rapport kl. 16,juan@example.com,G3,Administration,Daglig statusrapport sendt til lederen,Til tiden,Mindst,100,%,Uge,16:00,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK7,SEO-artikler,priya@example.com,G4,Indholdsproduktion,Publicerede SEO-artikler (værdi = antal ord),Antal,Mindst,3,artikler,Uge,,>= 1200,,,10%,,2026-11-02,2026-12-31,Aktiv\nK8,Kvalificerede leads,ana@example.com,G5,Leadgenerering,Leads der består kvalificeringstjeklisten,Sum,Mindst,50,leads,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK9,Konverterede leads,ana@example.com,G5,Leadgenerering,Kvalificerede leads der bookede et møde,Sum,Mindst,5,leads,Uge,,,,,10%,,2026-11-02,2026-12-31,Aktiv\nK10,Konverteringsrate,ana@example.com,G5,Leadgenerering,Konverterede leads som andel af kvalificerede,Forhold,Mindst,10,%,Uge,,,K9,K8,10%,,2026-11-02,2026-12-31,Aktiv\n';

/** Goals have no Danish sample file: these are their names in Danish. */
export const GOAL_NAMES_DA: Record<string, string> = {
  G1: 'Større rækkevidde på sociale medier',
  G2: 'Tilfredse kunder',
  G3: 'Pålidelig back office',
  G4: 'Organisk trafik fra indhold',
  G5: 'Fyld salgspipelinen',
};
